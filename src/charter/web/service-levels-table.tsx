import { Table, Text } from '@mantine/core';
import { roleLabels } from '../../platform/auth/roles';
import { ScrollTable } from '../../app/web/components/scroll-table';
import type { CharterServiceLevel } from './charter-api';
import { CharterSection } from './charter-section';
import { clockInWords, matchInWords } from './describe-clock';
import { formatBusinessMinutes, formatDuration } from './format-business-time';

function ClockCell({ level }: { level: CharterServiceLevel }) {
  const clock = clockInWords(level);
  const rows: [string, string][] = [
    ['Starts', clock.starts],
    ['Stops', clock.stops],
    ...(clock.pauses ? ([['Pauses', clock.pauses]] as [string, string][]) : []),
  ];
  return (
    <dl className="stride-charter-clock">
      {rows.map(([term, words]) => (
        <div key={term}>
          <Text component="dt" size="sm" fw={700}>
            {term}:{' '}
          </Text>
          <Text component="dd" size="sm">
            {words}
          </Text>
        </div>
      ))}
    </dl>
  );
}

type Props = { levels: CharterServiceLevel[]; workingDay: number };

/** Each promise with its target in working time and, in words, what starts and stops its clock. */
export function ServiceLevelsTable({ levels, workingDay }: Props) {
  return (
    <CharterSection
      id="service-levels"
      title="Service levels"
      lead={
        workingDay > 0
          ? `The promises we measure ourselves by. Targets count working time only — a working day is ${formatDuration(workingDay)}, as in the working hours below.`
          : 'The promises we measure ourselves by. Targets count working time only, as in the working hours below.'
      }
    >
      {levels.length === 0 ? (
        <Text c="gray.8">This version of the charter sets no service levels.</Text>
      ) : (
        <ScrollTable minWidth={860} label="Service levels table">
          <Table captionSide="top" withTableBorder verticalSpacing="sm" className="stride-charter-table">
            <Table.Caption style={{ textAlign: 'start' }}>
              {levels.length} service level{levels.length === 1 ? '' : 's'}; the owner is warned before a target is missed.
            </Table.Caption>
            <Table.Thead>
              <Table.Tr bg="gray.0">
                <Table.Th scope="col" w="34%">
                  Service level
                </Table.Th>
                <Table.Th scope="col" w="14%">
                  Target
                </Table.Th>
                <Table.Th scope="col">The clock</Table.Th>
                <Table.Th scope="col" w="15%">
                  Owner
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {levels.map((level) => {
                const appliesTo = matchInWords(level.match);
                return (
                  <Table.Tr key={level.key} style={{ verticalAlign: 'top' }}>
                    <Table.Th scope="row" fw={400}>
                      <Text fw={700} size="sm">
                        {level.name}
                      </Text>
                      {level.description && (
                        <Text size="sm" c="gray.8" mt={4}>
                          {level.description}
                        </Text>
                      )}
                      {appliesTo && (
                        <Text size="xs" c="gray.7" mt={4}>
                          {appliesTo}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <Text fw={700} size="sm" c="teal.9">
                        {formatBusinessMinutes(level.targetMinutes, workingDay)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ClockCell level={level} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {roleLabels[level.ownerRole]}
                      </Text>
                      <Text size="xs" c="gray.7">
                        Warned at {Math.round(level.atRiskShare * 100)}% of the target
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </CharterSection>
  );
}
