import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export type Stat = { label: string; value: number | string; hint?: string };

/** A row of small figures, each a term and its value (a description list, read as such by screen readers). */
export function StatCards({ title, id, stats, children }: { title: string; id: string; stats: Stat[]; children?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} className="stride-effectiveness-card">
      <Title order={3} fz="md" mb="xs" id={id}>
        {title}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 2, sm: Math.min(stats.length, 4) }} spacing="sm" m={0}>
        {stats.map((s) => (
          <div key={s.label}>
            <Text component="dt" size="sm" c="gray.7">
              {s.label}
            </Text>
            <Text component="dd" fz={26} fw={700} m={0} lh={1.2}>
              {s.value}
            </Text>
            {s.hint && (
              <Text component="dd" size="xs" c="gray.7" m={0}>
                {s.hint}
              </Text>
            )}
          </div>
        ))}
      </SimpleGrid>
      {children}
    </Paper>
  );
}
