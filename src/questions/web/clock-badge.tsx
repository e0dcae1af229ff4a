import { Badge, Group, Text } from '@mantine/core';
import { formatDue } from './format-due';
import type { QuestionClock } from './questions-api';

type ClockState = QuestionClock['state'];

export const clockStateLabels: Record<ClockState, string> = { on_track: 'On track', at_risk: 'At risk', breached: 'Breached', met: 'Met', paused: 'Paused' };
// Light badges with the darkest shade for text, so every state keeps WCAG AA contrast.
const colors: Record<ClockState, string> = { on_track: 'teal', at_risk: 'orange', breached: 'red', met: 'blue', paused: 'gray' };

export function ClockStateBadge({ state }: { state: ClockState }) {
  return (
    <Badge color={colors[state]} c={`${colors[state]}.9`} variant="light" tt="none" fw={600}>
      {clockStateLabels[state]}
    </Badge>
  );
}

/** The state at a glance and, beside it, when the clock is due (or when it was met). */
export function ClockSummary({ clock }: { clock: QuestionClock | undefined }) {
  if (!clock) return <Text size="sm" c="gray.7">No service level</Text>;
  const when = clock.state === 'met' ? `answered ${formatDue(clock.stoppedAt)}` : clock.dueAt ? `due ${formatDue(clock.dueAt)}` : 'no due time';
  return (
    <Group gap="xs" wrap="nowrap">
      <ClockStateBadge state={clock.state} />
      <Text size="sm" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
        {when}
      </Text>
    </Group>
  );
}
