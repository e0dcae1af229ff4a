import { Anchor, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter, IconMessages, IconChartBar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { plural } from '../../app/web/format';
import { useCourse, useCourseSession } from '../../catalog/web/catalog-api';
import { sessionTimes } from '../../catalog/web/catalog-format';
import { CourseNotFound } from '../../catalog/web/course-not-found';
import { useRoster, type EnrolmentView, type RosterView } from './enrolment-api';
import { AttendanceSection } from './attendance-section';
import { AudienceSection } from './audience-section';
import { EnrolmentActions } from './enrolment-actions';
import { atViewer, stateLabels } from './enrolment-format';
import { SeatsMeter } from './enrolment-state';
import { useMyTeam } from './use-my-team';
import './enrolment.css';

type Column = { header: string; cell: (e: EnrolmentView, index: number) => ReactNode; printOnly?: boolean; screenOnly?: boolean };

const originWords: Record<EnrolmentView['origin'], string> = { self: 'Applied', supervisor: 'Nominated by a supervisor', coordinator: 'Put down by the unit', substitution: 'Took a colleague’s seat' };

function cellClass(column: Column): string | undefined {
  if (column.printOnly) return 'stride-print-only';
  if (column.screenOnly) return 'stride-no-print';
  return undefined;
}

function RosterTable({ id, title, empty, rows, columns }: { id: string; title: string; empty: string; rows: EnrolmentView[]; columns: Column[] }) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title} ({rows.length})
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <ScrollTable minWidth={640} label={title}>
          <Table verticalSpacing="xs" striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.header} scope="col" className={cellClass(c)}>
                    {c.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e, i) => (
                <Table.Tr key={e.id}>
                  {columns.map((c) => (
                    <Table.Td key={c.header} className={cellClass(c)}>
                      {c.cell(e, i)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Box>
  );
}

const name: Column = {
  header: 'Name',
  cell: (e) => (
    <>
      <Text size="sm" fw={600}>
        {e.person.name}
      </Text>
      {e.person.jobTitle && (
        <Text size="xs" c="gray.8">
          {e.person.jobTitle}
        </Text>
      )}
    </>
  ),
};

function Tables({ roster, staff }: { roster: RosterView; staff: boolean }) {
  const actions: Column = { header: 'Actions', screenOnly: true, cell: (e) => <EnrolmentActions enrolment={e} self={false} staff={staff} /> };
  const withActions = (columns: Column[], rows: EnrolmentView[]) => (rows.some((e) => e.allowed.cancel || e.allowed.decide || e.allowed.substitute) ? [...columns, actions] : columns);
  return (
    <Stack gap="xl">
      <RosterTable
        id="roster-confirmed"
        title="Confirmed"
        empty="No one has a seat yet."
        rows={roster.confirmed}
        columns={withActions(
          [
            { header: 'No.', cell: (_e, i) => i + 1 },
            name,
            { header: 'How', cell: (e) => originWords[e.origin] },
            { header: 'Confirmed', cell: (e) => atViewer(e.confirmedAt ?? e.appliedAt) },
            { header: 'Signature', printOnly: true, cell: () => '' },
          ],
          roster.confirmed,
        )}
      />
      <RosterTable
        id="roster-waitlist"
        title="Waitlist"
        empty="No one is waiting for a seat."
        rows={roster.waitlist}
        columns={withActions(
          [
            { header: 'Place', cell: (e) => e.waitlistPosition ?? '' },
            name,
            { header: 'Applied', cell: (e) => atViewer(e.appliedAt) },
          ],
          roster.waitlist,
        )}
      />
      <RosterTable
        id="roster-pending"
        title="Waiting for approval"
        empty="No application waits for a decision."
        rows={roster.pendingApproval}
        columns={withActions(
          [
            name,
            { header: 'Approves', cell: (e) => (e.approval?.by === 'coordinator' ? 'The training unit' : 'Their supervisor') },
            { header: 'Applied', cell: (e) => atViewer(e.appliedAt) },
          ],
          roster.pendingApproval,
        )}
      />
      <RosterTable
        id="roster-ended"
        title="Cancelled or declined"
        empty="No one has cancelled or been declined."
        rows={roster.ended}
        columns={[
          name,
          { header: 'State', cell: (e) => stateLabels[e.state] },
          { header: 'When', cell: (e) => atViewer(e.cancelledAt ?? e.approval?.decidedAt ?? e.appliedAt) },
          { header: 'Reason', cell: (e) => e.cancellationReason ?? e.approval?.note ?? '' },
        ]}
      />
    </Stack>
  );
}

/** CA-3: who is booked on a session, for the unit's coordinators and the session's instructor; it prints for the room. */
export function RosterPage() {
  const { id } = useParams();
  const team = useMyTeam();
  const session = useCourseSession(id);
  const course = useCourse(session.data?.courseId);
  const roster = useRoster(id);

  if (session.isError) return <CourseNotFound error={session.error} what="session" />;
  if (session.isPending || course.isPending) return <TableSkeleton label="Loading the roster" />;
  const s = session.data;
  const title = course.data?.title ?? 'Session';
  const times = sessionTimes(s.startsAt, s.endsAt, s.timeZone);
  const back = (
    <Anchor component={Link} to={`/catalog/courses/${s.courseId}`} size="sm" className="stride-no-print">
      <span aria-hidden>‹ </span>
      {title}
    </Anchor>
  );

  return (
    <Box className="stride-roster-document stride-print-document">
      <PageHeader
        above={back}
        title={`Roster: ${title}`}
        description={
          <>
            {times.local}
            {times.yours ? ` (${times.yours})` : ''}
            <br />
            {[s.place, s.online ? 'Online' : null].filter(Boolean).join(', and ') || 'Place to be announced'}
            {s.instructor ? ` · Instructor: ${s.instructor.name}` : ''}
            {s.status === 'cancelled' ? ' · This session was cancelled.' : ''}
          </>
        }
        actions={
          <Group gap="sm" className="stride-no-print">
            {new Date(s.endsAt) < new Date() && (
              <>
                {/* After the event (AF-4, AF-7): what learners and supervisors said, and the session's figures. */}
                <Button component={Link} to={`/course-sessions/${s.id}/follow-ups`} variant="default" leftSection={<IconMessages size={16} aria-hidden />}>
                  Follow-up answers
                </Button>
                <Button component={Link} to={`/course-sessions/${s.id}/effectiveness`} variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
                  Effectiveness
                </Button>
              </>
            )}
            <Button variant="default" onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />}>
              Print
            </Button>
          </Group>
        }
      />
      {roster.isPending ? (
        <TableSkeleton label="Loading the roster" />
      ) : roster.isError ? (
        <ErrorAlert error={roster.error} title={isApiProblem(roster.error) && roster.error.status === 403 ? 'This roster is not available to you' : 'The roster cannot be loaded'} />
      ) : (
        <Stack gap="xl">
          <Paper withBorder radius="md" p="md" maw={420}>
            <SeatsMeter seats={roster.data.seats} />
            <Text size="sm" c="gray.8" mt={6}>
              {plural(roster.data.seats.confirmed, 'confirmed seat')} of {roster.data.seats.capacity} · {roster.data.seats.waitlisted} on the waitlist · {roster.data.seats.pendingApproval} waiting for approval
            </Text>
          </Paper>
          <AttendanceSection session={s} />
          <Tables roster={roster.data} staff={team.staff} />
          <AudienceSection sessionId={roster.data.sessionId} />
        </Stack>
      )}
    </Box>
  );
}
