import { Card, Group, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

type Props = { to: string; title: string; description: string; icon: ReactNode };

/** A large link to a common task. */
export function ShortcutCard({ to, title, description, icon }: Props) {
  return (
    <Card component={Link} to={to} withBorder padding="md" radius="md" className="stride-card-link" h="100%">
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
        <div>
          <Text fw={600} c="teal.9">
            {title}
          </Text>
          <Text size="sm" c="gray.7">
            {description}
          </Text>
        </div>
      </Group>
    </Card>
  );
}
