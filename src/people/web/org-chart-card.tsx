import { Anchor, Avatar, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { initials, plural } from '../../app/web/format';
import type { OrgChartNode } from './people-api';

type Props = { node: OrgChartNode; onOpen?: (id: string) => void; highlighted?: boolean };

/** One person in the chart: who they are, and a way into their team. */
export function OrgChartCard({ node, onOpen, highlighted = false }: Props) {
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      h="100%"
      component="article"
      aria-label={node.name}
      style={highlighted ? { borderColor: 'var(--mantine-color-teal-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm" h="100%" justify="space-between">
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <Avatar color="teal" variant="light" radius="xl" aria-hidden>
            {initials(node.name)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/people/${node.id}`} fw={700} lineClamp={2}>
              {node.name}
            </Anchor>
            <Text size="sm" c="gray.8" lineClamp={2}>
              {node.jobTitle || 'No job title'}
            </Text>
            <Text size="xs" c="gray.7">
              {node.businessUnit ?? 'No business unit'}
            </Text>
          </Stack>
        </Group>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Badge variant="light" color={node.reportCount > 0 ? 'teal' : 'gray'} tt="none" fw={600}>
            {node.reportCount > 0 ? plural(node.reportCount, 'report') : 'No reports'}
          </Badge>
          {onOpen && node.reportCount > 0 && (
            <Button
              size="compact-sm"
              variant="light"
              rightSection={<IconChevronRight size={14} aria-hidden />}
              onClick={() => onOpen(node.id)}
              aria-label={`Open team of ${node.name}`}
            >
              Open team
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
