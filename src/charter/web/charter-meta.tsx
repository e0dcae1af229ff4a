import { Group, Paper, Text } from '@mantine/core';
import { formatDate } from '../../app/web/format';
import type { Charter } from './charter-api';
import { CharterStatusBadge } from './charter-status-badge';

/** Which version this is, when it was published and by whom; printed at the top of the document. */
export function CharterMeta({ charter }: { charter: Charter }) {
  const published = charter.publishedAt
    ? `Published ${formatDate(charter.publishedAt)}${charter.publishedBy ? ` by ${charter.publishedBy.name}` : ''}`
    : 'Not published yet';
  return (
    <Paper withBorder radius="md" px="md" py="sm" bg="gray.0" className="stride-charter-meta">
      <Group gap="sm" wrap="wrap">
        <Text fw={700}>Version {charter.version}</Text>
        <CharterStatusBadge status={charter.status} />
        <Text size="sm" c="gray.8">
          {published}
        </Text>
      </Group>
      {charter.changeSummary && (
        <Text size="sm" c="gray.8" mt={4}>
          {charter.changeSummary}
        </Text>
      )}
    </Paper>
  );
}
