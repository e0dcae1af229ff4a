import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ScrollTable } from '../../app/web/components/scroll-table';
import type { SessionFiguresRow } from '../effectiveness-schemas';
import { npsText, sessionWhen } from './effectiveness-format';

// The course's sessions in date order, each with its own figures and a link to its page. Never
// sortable by a column: sessions (and instructors) are not ranked against each other (VA-2).

export function SessionsTable({ sessions, instructorOnly }: { sessions: SessionFiguresRow[]; instructorOnly: boolean }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="effectiveness-sessions" className="stride-effectiveness-card">
      <Title order={2} fz="lg" id="effectiveness-sessions">
        Sessions
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {instructorOnly ? 'The sessions you taught, ' : 'Every session with finished enrolments, '}in date order.
      </Text>
      {sessions.length === 0 ? (
        <Text size="sm">No session has finished enrolments in this period.</Text>
      ) : (
        <ScrollTable minWidth={640} label="Sessions">
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Date</Table.Th>
                <Table.Th scope="col">Instructor</Table.Th>
                <Table.Th scope="col">Completed</Table.Th>
                <Table.Th scope="col">No-shows</Table.Th>
                <Table.Th scope="col">Follow-ups answered</Table.Th>
                <Table.Th scope="col">NPS</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/course-sessions/${s.id}/effectiveness`} c="blue.9">
                      {sessionWhen(s.startsAt, s.timeZone)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{s.instructor ?? '—'}</Table.Td>
                  <Table.Td>{s.completed}</Table.Td>
                  <Table.Td>{s.noShow}</Table.Td>
                  <Table.Td>
                    {s.responses} of {s.opened}
                  </Table.Td>
                  <Table.Td>{npsText(s.nps)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Paper>
  );
}
