import { Card, Table, Title } from '@mantine/core';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { ClockStateBadge } from './clock-badge';
import { formatDue, workingTime } from './format-due';
import type { QuestionClock } from './questions-api';

/** The question's service-level clocks: state, due time and working time used and left (CH-3). */
export function QuestionClocks({ clocks }: { clocks: QuestionClock[] }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="clocks-heading">
      <Title order={2} size="h4" mb="sm" id="clocks-heading">
        Service level
      </Title>
      <ScrollTable minWidth={640} label="Service-level clocks">
        <Table verticalSpacing="sm" captionSide="top">
          <Table.Caption style={{ textAlign: 'left' }}>Measured in the unit's working time, as the charter promises</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Promise</Table.Th>
              <Table.Th scope="col">State</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Elapsed</Table.Th>
              <Table.Th scope="col">Remaining</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clocks.map((clock) => (
              <Table.Tr key={clock.key}>
                <Table.Td>
                  {clock.name} ({workingTime(clock.targetBusinessMinutes)})
                </Table.Td>
                <Table.Td>
                  <ClockStateBadge state={clock.state} />
                </Table.Td>
                <Table.Td>{formatDue(clock.dueAt)}</Table.Td>
                <Table.Td>{workingTime(clock.elapsedBusinessMinutes)}</Table.Td>
                <Table.Td>{clock.state === 'met' ? '—' : workingTime(clock.remainingBusinessMinutes)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Card>
  );
}
