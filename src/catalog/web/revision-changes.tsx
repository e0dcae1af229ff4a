import { Badge, Group, Stack, Text } from '@mantine/core';
import type { RevisionView } from './catalog-api';

type Change = RevisionView['changes'][number];

const kinds: Record<Change['change'], { label: string; color: string }> = {
  added: { label: 'Added', color: 'green' },
  removed: { label: 'Removed', color: 'red' },
  changed: { label: 'Changed', color: 'blue' },
};

function BeforeAfter({ change }: { change: Change }) {
  return (
    <Stack gap={4} mt={6}>
      {change.before !== undefined && (
        <Text size="sm" c="gray.8">
          <Text span fw={600} size="sm">
            Was:{' '}
          </Text>
          <del className="stride-change-before">{change.before}</del>
        </Text>
      )}
      {change.after !== undefined && (
        <Text size="sm">
          <Text span fw={600} size="sm">
            Now:{' '}
          </Text>
          <ins className="stride-change-after">{change.after}</ins>
        </Text>
      )}
    </Stack>
  );
}

function lead(revision: RevisionView): string {
  if (revision.revision === 1) return 'The course as it was first saved: everything in it was new.';
  if (revision.changes.length === 0) return 'Nothing in the course changed from the revision before.';
  const n = (kind: Change['change']) => revision.changes.filter((c) => c.change === kind).length;
  const parts = (['changed', 'added', 'removed'] as const).filter((k) => n(k) > 0).map((k) => `${n(k)} ${k}`);
  return `Against revision ${revision.revision - 1}: ${parts.join(', ')}.`;
}

/** A list of field-by-field changes with what each was and is now; the standards' versions use it too. */
export function ChangeList({ changes, label }: { changes: Change[]; label: string }) {
  if (changes.length === 0) return null;
  return (
    <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
      {changes.map((change) => {
        const kind = kinds[change.change];
        return (
          <li key={change.field}>
            <Group gap="xs" wrap="wrap" align="center">
              <Badge variant="light" color={kind.color} radius="sm" tt="none" fw={700}>
                {kind.label}
              </Badge>
              <Text size="sm" fw={600}>
                {change.label}
              </Text>
            </Group>
            <BeforeAfter change={change} />
          </li>
        );
      })}
    </Stack>
  );
}

/** CA-1: what one revision of a course changed from the one before, field by field. */
export function RevisionChanges({ revision }: { revision: RevisionView }) {
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8">
        {lead(revision)}
      </Text>
      <ChangeList changes={revision.changes} label={`Changes in revision ${revision.revision}`} />
    </Stack>
  );
}
