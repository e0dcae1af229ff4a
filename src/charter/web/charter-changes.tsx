import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { BeforeAfter, ChangeKindBadge } from '../../app/web/components/change-before-after';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import type { CharterChange } from './charter-api';

const areas: Record<CharterChange['area'], string> = {
  content: 'Charter text',
  calendar: 'Calendar',
  'service-level': 'Service level',
};

// A long list (the first version adds everything) opens on request rather than burying the page.
const SHOWN_AT_ONCE = 12;

function ChangeItem({ change }: { change: CharterChange }) {
  return (
    <li>
      <Group gap="xs" wrap="wrap" align="center">
        <ChangeKindBadge change={change} />
        <Text size="xs" c="gray.7" fw={600} tt="uppercase">
          {areas[change.area]}
        </Text>
        <Text size="sm" fw={600}>
          {change.label}
        </Text>
      </Group>
      <BeforeAfter change={change} />
    </li>
  );
}

function lead(version: number, changes: CharterChange[]): string {
  if (version === 1) return 'The first version of the charter: everything in it was new.';
  if (changes.length === 0) return 'Nothing in the charter changed from the version before.';
  const count = (kind: CharterChange['change']) => changes.filter((c) => c.change === kind).length;
  const parts = [
    [count('changed'), 'changed'],
    [count('added'), 'added'],
    [count('removed'), 'removed'],
  ] as const;
  return `Against version ${version - 1}: ${parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ')}.`;
}

/** CH-4: what this version changed from the one before it. */
export function CharterChanges({ version, changes }: { version: number; changes: CharterChange[] }) {
  const collapsible = version === 1 || changes.length > SHOWN_AT_ONCE;
  const [open, setOpen] = useState(false);
  const shown = !collapsible || open ? changes : version === 1 ? [] : changes.slice(0, SHOWN_AT_ONCE);
  const hidden = changes.length - shown.length;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="changes-heading" className="stride-charter-card">
      <Title order={2} size="h3" id="changes-heading" mb={4}>
        What changed
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {lead(version, changes)}
      </Text>
      {shown.length > 0 && (
        <Stack component="ul" id="charter-change-list" gap="md" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {shown.map((change, i) => (
            <ChangeItem key={`${change.area}-${change.key}-${i}`} change={change} />
          ))}
        </Stack>
      )}
      {collapsible && changes.length > 0 && (hidden > 0 || open) && (
        <Button
          variant="subtle"
          size="compact-sm"
          mt="sm"
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
          aria-controls={shown.length > 0 ? 'charter-change-list' : undefined}
          leftSection={open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          className="stride-no-print"
        >
          {open ? 'Show fewer' : version === 1 ? `Show the ${changes.length} items it added` : `Show all ${changes.length} changes`}
        </Button>
      )}
    </Paper>
  );
}
