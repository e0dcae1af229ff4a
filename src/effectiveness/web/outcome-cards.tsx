import { SimpleGrid, Table, Text } from '@mantine/core';
import type { EffectivenessFigures } from '../effectiveness-schemas';
import { supportOptions } from '../../support/support-values';
import { StatCards } from './stat-cards';
import { supportOptionLabels } from './effectiveness-format';

// What followed the course: completions and certificates (AF-1, AF-2), support cases and what the
// coordinator chose (AF-5, "no further training" included as an answer in its own right), and the
// retention plans learners and supervisors agreed (AF-6). Counts for this course or session only —
// never set against another's.

export function OutcomeCards({ figures }: { figures: EffectivenessFigures }) {
  const { completions, certificates, supportCases, retentionPlans } = figures;
  const decided = supportOptions.filter((o) => supportCases.byDecision[o] > 0);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      <StatCards
        title="Completions and certificates"
        id="effectiveness-completions"
        stats={[
          { label: 'Completed', value: completions.completed },
          { label: 'No-shows', value: completions.noShow },
          { label: 'Certificates issued', value: certificates.issued },
          { label: 'Withdrawn', value: certificates.revoked },
        ]}
      />
      <StatCards
        title="Retention plans"
        id="effectiveness-plans"
        stats={[
          { label: 'Started', value: retentionPlans.started },
          { label: 'Active', value: retentionPlans.active },
          { label: 'Closed — objectives applied', value: retentionPlans.closed },
        ]}
      />
      <StatCards
        title="Support cases"
        id="effectiveness-support"
        stats={[
          { label: 'Opened', value: supportCases.opened },
          { label: 'Open', value: supportCases.byState.open },
          { label: 'In progress', value: supportCases.byState.in_progress },
          { label: 'Closed', value: supportCases.byState.closed, hint: `${supportCases.closedWithOutcome} with an outcome` },
        ]}
      >
        <Text size="sm" fw={600} mt="md" mb={4}>
          What the coordinator chose
        </Text>
        {decided.length === 0 && supportCases.undecided === 0 ? (
          <Text size="sm" c="gray.7">
            No support case yet.
          </Text>
        ) : (
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Caption>Support cases by the coordinator’s decision, with the cases still undecided.</Table.Caption>
            <Table.Tbody>
              {decided.map((o) => (
                <Table.Tr key={o}>
                  <Table.Th scope="row" fw={400}>
                    {supportOptionLabels[o]}
                  </Table.Th>
                  <Table.Td ta="right">{supportCases.byDecision[o]}</Table.Td>
                </Table.Tr>
              ))}
              {supportCases.undecided > 0 && (
                <Table.Tr>
                  <Table.Th scope="row" fw={400}>
                    Not decided yet
                  </Table.Th>
                  <Table.Td ta="right">{supportCases.undecided}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" mt="xs">
          “No further training”, with a written reason: <strong>{supportCases.noFurtherTraining}</strong>
        </Text>
      </StatCards>
    </SimpleGrid>
  );
}
