import { Group, Progress, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../app/web/components/scroll-table';
import type { ComplianceServiceLevel } from './compliance-api';
import { businessTime, metOfStopped, percent } from './compliance-format';

/**
 * The share met per business unit: a compact table with a bar in each row, so the figures are
 * read as text (by screen readers and on paper) and compared at a glance. Units stay in
 * alphabetical order, as the server sends them: this shows the service each unit received, not a
 * league table.
 */
export function UnitShares({ level, workingDay }: { level: ComplianceServiceLevel; workingDay: number }) {
  const caption = `Share met per business unit — ${level.name}`;
  return (
    <ScrollTable minWidth={680} label={caption}>
      <Table captionSide="top" verticalSpacing="xs" mt="md" className="stride-compliance-units">
        <Table.Caption style={{ textAlign: 'left' }}>Share met per business unit, in alphabetical order</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Business unit</Table.Th>
            <Table.Th scope="col" w="34%">
              Share met
            </Table.Th>
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">Median time</Table.Th>
            <Table.Th scope="col">90th percentile</Table.Th>
            <Table.Th scope="col">Running and late</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {level.byBusinessUnit.map((row) => (
            <Table.Tr key={row.businessUnit?.id ?? 'none'}>
              <Table.Th scope="row" fw={600}>
                {row.businessUnit?.name}
              </Table.Th>
              <Table.Td>
                {row.shareMet === null ? (
                  <Text size="sm" c="gray.7">
                    No clock has stopped yet
                  </Text>
                ) : (
                  <Group gap="sm" wrap="nowrap">
                    <Progress value={row.shareMet * 100} color="teal.8" size="lg" radius="sm" w={110} style={{ flexShrink: 0 }} aria-hidden />
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      <Text span fw={700} size="sm">
                        {percent(row.shareMet)}
                      </Text>{' '}
                      ({metOfStopped(row)})
                    </Text>
                  </Group>
                )}
              </Table.Td>
              <Table.Td>{row.started}</Table.Td>
              <Table.Td>{businessTime(row.medianBusinessMinutes, workingDay)}</Table.Td>
              <Table.Td>{businessTime(row.p90BusinessMinutes, workingDay)}</Table.Td>
              <Table.Td>{row.runningBreached}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
