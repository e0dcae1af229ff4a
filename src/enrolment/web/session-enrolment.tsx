import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from '../../app/web/api';
import type { SessionStatus } from '../../catalog/catalog-values';
import { sessionTimes } from '../../catalog/web/catalog-format';
import { ApplyModal } from './apply-modal';
import { useSessionSeats } from './enrolment-api';
import { EnrolmentActions } from './enrolment-actions';
import { EnrolmentStateSummary, SeatsMeter } from './enrolment-state';
import { NominateModal } from './nominate-modal';
import { useMyTeam } from './use-my-team';

type Props = {
  session: { id: string; startsAt: string; endsAt: string; timeZone: string; status: SessionStatus };
  courseTitle: string;
};

/**
 * CA-3 on a session: the seats left, Apply (→ what happens next → confirm → done), and afterwards
 * the caller's state with Cancel and "Send a colleague instead"; for supervisors "Nominate a report",
 * for coordinators "Enrol someone". Driven by GET /course-sessions/{id}/seats; every refusal is the
 * server's own sentence.
 */
export function SessionEnrolment({ session, courseTitle }: Props) {
  const seats = useSessionSeats(session.id);
  const team = useMyTeam();
  const [applying, setApplying] = useState(false);
  const [nominating, setNominating] = useState(false);
  const when = sessionTimes(session.startsAt, session.endsAt, session.timeZone);

  if (seats.isPending) {
    return (
      <Stack gap={6} w={240} role="status" aria-label="Loading the seats">
        <Skeleton height={14} width="70%" />
        <Skeleton height={8} />
        <Skeleton height={30} width={90} />
      </Stack>
    );
  }
  if (seats.isError) {
    return (
      <Text size="sm" c="red.9" maw={280} role="alert">
        The seats cannot be shown: {describeError(seats.error)}
      </Text>
    );
  }
  const view = seats.data;
  const mine = view.mine;
  const now = Date.now();
  // Supervisors stop at the deadline like applicants; coordinators may add someone until the end.
  const nominationOpen =
    session.status !== 'cancelled' && Date.parse(session.endsAt) > now && (team.staff || (Date.parse(session.startsAt) > now && Date.parse(view.enrolmentDeadline) >= now));

  return (
    <Stack gap="xs" w={{ base: '100%', xs: 280 }} className="stride-enrolment-control">
      <SeatsMeter seats={view.seats} />
      {mine ? (
        <>
          <EnrolmentStateSummary enrolment={mine} who={{ self: true, managerName: team.manager?.name }} />
          <EnrolmentActions enrolment={mine} self staff={team.staff} />
        </>
      ) : view.open ? (
        <Button onClick={() => setApplying(true)} aria-label={`Apply for the session ${when.local}`}>
          Apply
        </Button>
      ) : (
        view.closedReason && <Text size="sm">{view.closedReason}</Text>
      )}
      {team.nominates && nominationOpen && (
        <Button variant="default" size="xs" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setNominating(true)}>
          {team.staff ? 'Enrol someone…' : 'Nominate a report…'}
        </Button>
      )}
      <ApplyModal opened={applying} onClose={() => setApplying(false)} seats={view} courseTitle={courseTitle} when={when} manager={team.isPending ? undefined : team.manager} />
      {team.nominates && (
        <NominateModal
          opened={nominating}
          onClose={() => setNominating(false)}
          target={{ sessionId: session.id }}
          what={`${courseTitle} · ${when.local}`}
          staff={team.staff}
          selfId={team.actor.id}
        />
      )}
    </Stack>
  );
}
