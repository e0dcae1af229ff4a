import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../hooks/use-page-title';

type Props = {
  title: string;
  description?: ReactNode;
  /** Buttons or links on the right. */
  actions?: ReactNode;
  /** Above the title, e.g. breadcrumbs. */
  above?: ReactNode;
};

/** The page's one h1, a short explanation of what the page is for, and its main actions. */
export function PageHeader({ title, description, actions, above }: Props) {
  usePageTitle(title);
  return (
    <Stack gap="xs" mb="lg">
      {above}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Title order={1} fz={{ base: 26, sm: 30 }}>
            {title}
          </Title>
          {description && (
            <Text c="gray.7" maw={720}>
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
