import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { EnrolmentState } from '../enrolment-values';
import type { EnrolmentView, SessionSeatsView } from './enrolment-api';
import { seatsLeftText, stateColors, stateDetail, stateLabels, stateRest, type Who } from './enrolment-format';

export function EnrolmentStateBadge({ state }: { state: EnrolmentState }) {
  const { color, c } = stateColors[state];
  return (
    <Badge variant="light" color={color} c={c} radius="sm" tt="none" fw={700}>
      {stateLabels[state]}
    </Badge>
  );
}

/** The state as a badge, what follows it ("by Sam Supervisor", "position 2"), and how it came about. */
export function EnrolmentStateSummary({ enrolment, who, detail = true }: { enrolment: EnrolmentView; who: Who; detail?: boolean }) {
  const rest = stateRest(enrolment, who);
  const more = detail ? stateDetail(enrolment, who) : null;
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <EnrolmentStateBadge state={enrolment.state} />
        {rest && (
          <Text size="sm" fw={600}>
            {' '}
            {rest}
          </Text>
        )}
      </Group>
      {more && (
        <Text size="sm" c="gray.8">
          {more}
        </Text>
      )}
    </Stack>
  );
}

/** "4 of 20 seats left" and a bar of the seats taken; the words carry it, the bar is decoration. */
export function SeatsMeter({ seats }: { seats: SessionSeatsView['seats'] }) {
  const taken = seats.capacity > 0 ? Math.min(100, Math.round((seats.confirmed / seats.capacity) * 100)) : 100;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {seatsLeftText(seats)}
      </Text>
      <Progress.Root size="sm" aria-hidden>
        <Progress.Section value={taken} color={seats.free > 0 ? 'teal.8' : 'orange.8'} withAria={false} />
      </Progress.Root>
    </Stack>
  );
}
