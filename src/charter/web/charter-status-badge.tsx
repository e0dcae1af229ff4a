import { Badge } from '@mantine/core';
import type { CharterStatus } from './charter-api';

const looks: Record<CharterStatus, { label: string; color: string }> = {
  published: { label: 'In force', color: 'teal' },
  superseded: { label: 'Superseded', color: 'gray' },
  draft: { label: 'Draft', color: 'yellow' },
};

export function CharterStatusBadge({ status }: { status: CharterStatus }) {
  const look = looks[status];
  return (
    <Badge variant="light" color={look.color} radius="sm" tt="none" fw={600} c={status === 'superseded' ? 'gray.8' : undefined}>
      {look.label}
    </Badge>
  );
}
