import { Badge } from '@mantine/core';
import type { StandardConformanceView } from './standards-api';

const states: Record<StandardConformanceView['state'], { label: string; color: string }> = {
  conforms: { label: 'Conforms', color: 'teal' },
  gaps: { label: 'Gaps', color: 'red' },
  incomplete: { label: 'Partly checked', color: 'orange' },
  'not-checked': { label: 'Not checked', color: 'gray' },
};

export const resultLabels = { passed: 'Passed', waived: 'Waived', failed: 'Failed' } as const;
export const resultColors = { passed: 'teal', waived: 'yellow', failed: 'red' } as const;

/** ST-2: one standard's conformance at a glance, in words as well as colour. */
export function ConformanceBadge({ state }: { state: StandardConformanceView['state'] }) {
  const s = states[state];
  return (
    <Badge variant="light" color={s.color} tt="none" radius="sm">
      <span style={{ color: 'var(--mantine-color-gray-9)' }}>{s.label}</span>
    </Badge>
  );
}
