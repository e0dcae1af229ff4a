import { Box, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a page, labelled for screen readers by its heading. */
export function PageSection({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        {description}
      </Text>
      {children}
    </Box>
  );
}
