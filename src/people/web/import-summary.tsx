import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { formatNumber } from '../../app/web/format';
import type { ImportStatus } from './people-api';

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" fw={700} c="gray.7" tt="uppercase">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.2}>
        {formatNumber(value)}
      </Text>
    </Paper>
  );
}

/** Rows, to create, to update, unchanged, new business units. */
export function ImportSummary({ result, done = false }: { result: ImportStatus; done?: boolean }) {
  const s = result.summary;
  return (
    <div>
      <SimpleGrid cols={{ base: 2, sm: 3, xl: 5 }} spacing="sm">
        <Stat label="Rows" value={result.totalRows} />
        <Stat label={done ? 'Created' : 'To create'} value={s.created} />
        <Stat label={done ? 'Updated' : 'To update'} value={s.updated} />
        <Stat label="Unchanged" value={s.unchanged} />
        <Stat label="New business units" value={s.newUnits.length} />
      </SimpleGrid>
      {s.newUnits.length > 0 && (
        <Group gap={6} mt="sm">
          <Text size="sm" fw={600}>
            New units:
          </Text>
          <Text size="sm">{s.newUnits.slice(0, 30).join(', ')}{s.newUnits.length > 30 ? `, and ${s.newUnits.length - 30} more` : ''}</Text>
        </Group>
      )}
    </div>
  );
}
