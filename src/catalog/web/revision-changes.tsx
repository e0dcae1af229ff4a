import { Group, Stack, Text } from '@mantine/core';
import { BeforeAfter, ChangeKindBadge } from '../../app/web/components/change-before-after';
import type { RevisionView } from './catalog-api';

type Change = RevisionView['changes'][number];

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
        return (
          <li key={change.field}>
            <Group gap="xs" wrap="wrap" align="center">
              <ChangeKindBadge change={change} />
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
