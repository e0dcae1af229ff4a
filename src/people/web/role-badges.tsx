import { Badge, Group, Text } from '@mantine/core';
import { roleLabels, type Role } from '../../platform/auth/roles';

/** A person's granted roles; "—" when they have none beyond being a learner. */
export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  if (roles.length === 0) {
    return (
      <Text size="sm" c="gray.7">
        —
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} variant="light" color={r === 'admin' ? 'grape' : 'teal'} radius="sm" tt="none" fw={600}>
          {roleLabels[r]}
        </Badge>
      ))}
    </Group>
  );
}
