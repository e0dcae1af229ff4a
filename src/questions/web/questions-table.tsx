import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { ClockSummary } from './clock-badge';
import { firstResponseClock, formatDue } from './format-due';
import { channelLabels, statusLabels } from './question-filters';
import type { Question } from './questions-api';

/** Questions with their first-response clock as a coloured badge and its due time. */
export function QuestionsTable({ questions, caption, staff }: { questions: Question[]; caption: string; staff: boolean }) {
  return (
    <ScrollTable minWidth={staff ? 900 : 640} label={caption}>
      <Table verticalSpacing="sm" highlightOnHover captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Question</Table.Th>
            {staff && <Table.Th scope="col">Asked by</Table.Th>}
            <Table.Th scope="col">Asked</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            {staff && <Table.Th scope="col">Assignee</Table.Th>}
            <Table.Th scope="col">First answer</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {questions.map((q) => (
            <Table.Tr key={q.id}>
              <Table.Td>
                <Anchor component={Link} to={`/questions/${q.id}`} fw={600}>
                  {q.subject}
                </Anchor>
                <Text size="xs" c="gray.7">
                  {q.reference} · {channelLabels[q.channel]}
                </Text>
              </Table.Td>
              {staff && <Table.Td>{q.asker.name}</Table.Td>}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDue(q.askedAt)}</Table.Td>
              <Table.Td>{statusLabels[q.status]}</Table.Td>
              {staff && <Table.Td>{q.assignee?.name ?? <Text span size="sm" c="gray.7">Unassigned</Text>}</Table.Td>}
              <Table.Td>
                <ClockSummary clock={firstResponseClock(q.clocks)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
