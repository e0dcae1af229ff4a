import { Anchor, Badge, Box, Button, Card, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '../../app/web/format';
import type { CheckSubjectType } from '../standard-kinds';
import { ConformanceBadge, resultColors, resultLabels } from './conformance-badge';
import { useConformance, type StandardConformanceView } from './standards-api';

/** A bar of passed / waived / failed / unchecked: the state of a checklist before reading it. */
function ConformanceBar({ standard }: { standard: StandardConformanceView }) {
  const total = standard.items.length || 1;
  const parts = [
    { key: 'passed', value: standard.passed, color: 'teal' },
    { key: 'waived', value: standard.waived, color: 'yellow' },
    { key: 'failed', value: standard.failed, color: 'red' },
    { key: 'unchecked', value: standard.unchecked, color: 'gray.3' },
  ];
  const words = `${standard.passed} passed, ${standard.waived} waived, ${standard.failed} failed, ${standard.unchecked} not checked`;
  return (
    <Progress.Root size="md" title={words}>
      {parts.map((p) => (p.value > 0 ? <Progress.Section key={p.key} value={(p.value / total) * 100} color={p.color} aria-label={`${p.value} ${p.key}`} /> : null))}
    </Progress.Root>
  );
}

function StandardConformance({ standard, headingLevel }: { standard: StandardConformanceView; headingLevel: 3 | 4 }) {
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Title order={headingLevel} size="h5">
          <Anchor component={Link} to={`/standards/${standard.kind}/versions/${standard.version}`} c="teal.9">
            {standard.name}
          </Anchor>{' '}
          <Text span size="sm" c="gray.8" fw={400}>
            v{standard.version}
          </Text>
        </Title>
        <ConformanceBadge state={standard.state} />
      </Group>
      <ConformanceBar standard={standard} />
      <Text size="xs" c="gray.8">
        {standard.passed} passed · {standard.waived} waived · {standard.failed} failed · {standard.unchecked} not checked
      </Text>
      {standard.inForceVersion !== null && standard.inForceVersion !== standard.version && (
        <Text size="xs" c="orange.9">
          Checked against version {standard.version}; version {standard.inForceVersion} is now in force.
        </Text>
      )}
      <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
        {standard.items
          .filter((i) => i.result === 'failed' || i.result === 'waived')
          .map((item) => (
            <Text component="li" size="xs" key={item.id}>
              <Badge size="xs" variant="light" color={resultColors[item.result!]} tt="none" mr={4}>
                <span style={{ color: 'var(--mantine-color-gray-9)' }}>{resultLabels[item.result!]}</span>
              </Badge>
              {item.text}
              {item.reason && <Text span size="xs" c="gray.8">{` — ${item.reason}`}</Text>}
              {item.checkedAt && <Text span size="xs" c="gray.8">{` (${item.checkedBy?.name ?? 'someone'}, ${formatDate(item.checkedAt)})`}</Text>}
            </Text>
          ))}
      </Stack>
    </Stack>
  );
}

/**
 * ST-2: how a course, session or deliverable conforms to the unit's standards, shown where it
 * lives (the course page, a session); the people who check work get the way to the checklist.
 */
export function ConformancePanel({ subjectType, subjectId, headingLevel = 2 }: { subjectType: CheckSubjectType; subjectId: string; headingLevel?: 2 | 3 }) {
  const conformance = useConformance(subjectType, subjectId);
  const id = `conformance-${subjectType}-${subjectId}`;
  if (conformance.isPending) return <Skeleton height={120} radius="md" />;
  if (conformance.isError) return null;
  const view = conformance.data;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={headingLevel} size="h4" id={id}>
            Standards
          </Title>
          {view.mayCheck && (
            <Button component={Link} to={`/standards/check/${subjectType}/${subjectId}`} size="xs" variant="light" leftSection={<IconChecklist size={14} aria-hidden />} className="stride-no-print">
              Check
            </Button>
          )}
        </Group>
        {view.standards.length === 0 ? (
          <Text size="sm" c="gray.8">
            No published standard has checklist items for this.
          </Text>
        ) : (
          view.standards.map((s) => (
            <Box key={s.kind}>
              <StandardConformance standard={s} headingLevel={headingLevel === 2 ? 3 : 4} />
            </Box>
          ))
        )}
      </Stack>
    </Card>
  );
}
