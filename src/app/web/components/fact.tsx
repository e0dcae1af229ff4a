import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One term and its value in a `<dl>`: the facts of a certificate, an approval or a follow-up. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" fw={600} c="gray.8">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0} fw={500}>
        {children}
      </Text>
    </>
  );
}
