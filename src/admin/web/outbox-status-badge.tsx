import { Badge } from '@mantine/core';
import type { OutboxStatus } from './admin-api';

export const outboxStatusLabels: Record<OutboxStatus, string> = { pending: 'Pending', sending: 'Sending', sent: 'Sent', failed: 'Failed' };
const colors: Record<OutboxStatus, string> = { pending: 'yellow', sending: 'blue', sent: 'green', failed: 'red' };

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return (
    <Badge color={colors[status]} variant="light" tt="none" fw={600}>
      {outboxStatusLabels[status]}
    </Badge>
  );
}
