import { Badge, Stack, Text } from '@mantine/core';

/** One change between two versions of a document (the charter, a course, a standard). */
export type VersionChange = { change: 'added' | 'removed' | 'changed'; before?: string | undefined; after?: string | undefined };

const kinds: Record<VersionChange['change'], { label: string; color: string }> = {
  added: { label: 'Added', color: 'green' },
  removed: { label: 'Removed', color: 'red' },
  changed: { label: 'Changed', color: 'blue' },
};

/** "Added", "Removed" or "Changed", in a colour and in words (the colour is never the only signal). */
export function ChangeKindBadge({ change }: { change: VersionChange }) {
  const kind = kinds[change.change];
  return (
    <Badge variant="light" color={kind.color} radius="sm" tt="none" fw={700}>
      {kind.label}
    </Badge>
  );
}

/** What a field was and is now, struck through and underlined so a screen reader says deleted and inserted. */
export function BeforeAfter({ change }: { change: VersionChange }) {
  if (change.before === undefined && change.after === undefined) return null;
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
            {change.before !== undefined ? <span aria-hidden>→ </span> : null}
            Now:{' '}
          </Text>
          <ins className="stride-change-after">{change.after}</ins>
        </Text>
      )}
    </Stack>
  );
}
