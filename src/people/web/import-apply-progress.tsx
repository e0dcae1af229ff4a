import { Card, Progress, Stack, Text, Title } from '@mantine/core';
import { formatNumber } from '../../app/web/format';
import type { ImportStatus } from './people-api';

/** processedRows of totalRows while the import is being applied. */
export function ImportApplyProgress({ result }: { result: ImportStatus }) {
  const total = Math.max(result.totalRows, 1);
  const done = Math.min(result.processedRows, total);
  const percent = Math.round((done / total) * 100);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="applying-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="applying-heading">
          Applying {result.fileName}
        </Title>
        <Progress value={percent} aria-label="Import progress" size="xl" radius="md" striped animated />
        <Text size="sm" aria-live="polite">
          {formatNumber(done)} of {formatNumber(result.totalRows)} rows processed ({percent}%)
        </Text>
        <Text size="sm" c="gray.7">
          You can leave this page; the import carries on and you can come back to this address to check on it.
        </Text>
      </Stack>
    </Card>
  );
}
