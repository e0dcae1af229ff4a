import { Skeleton, Stack } from '@mantine/core';

/** The shape of the charter while it loads; assistive technology hears the label. */
export function CharterSkeleton({ label = 'Loading the charter' }: { label?: string }) {
  return (
    <Stack gap="md" role="status" aria-label={label} aria-busy="true">
      <Skeleton height={44} radius="md" />
      <Skeleton height={16} width="90%" />
      <Skeleton height={16} width="80%" />
      <Skeleton height={16} width="85%" />
      <Skeleton height={140} radius="md" mt="md" />
      <Skeleton height={220} radius="md" />
    </Stack>
  );
}
