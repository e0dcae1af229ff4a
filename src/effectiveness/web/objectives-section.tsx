import { Box, Group, Paper, Table, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { ScrollTable } from '../../app/web/components/scroll-table';
import type { ObjectiveFigures, RatingCounts } from '../effectiveness-schemas';
import { percentText } from './effectiveness-format';

// Objectives met (AF-7): for each objective, how learners and supervisors rated it, side by side.
// The chart shows shares (the two groups differ in size); the table under it gives the counts and
// is what screen readers read — the chart itself is hidden from them. Numbered in course order
// (removed objectives last), not by their stored positions.

const ratings = [
  { key: 'met', label: 'Met', color: 'teal.8' },
  { key: 'partly', label: 'Partly', color: 'yellow.5' },
  { key: 'notMet', label: 'Not met', color: 'red.8' },
] as const;

function Legend() {
  return (
    <Group gap="md" aria-hidden>
      {ratings.map((r) => (
        <Group key={r.key} gap={6}>
          <Box w={12} h={12} bg={r.color} style={{ borderRadius: 2 }} />
          <Text size="sm">{r.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

const cell = (c: RatingCounts, key: 'met' | 'partly' | 'notMet') => `${c[key]} (${percentText(c[`${key}Percent`])})`;

function ObjectiveChart({ objective, number }: { objective: ObjectiveFigures; number: number }) {
  const row = (role: string, c: RatingCounts) => ({ role, met: c.met, partly: c.partly, notMet: c.notMet });
  const answered = objective.learner.total + objective.supervisor.total > 0;
  return (
    <Box>
      <Text fw={600} mb={4}>
        {number}. {objective.text}
        {objective.removed && (
          <Text span size="sm" c="gray.7" fw={400}>
            {' '}
            (since removed from the course)
          </Text>
        )}
      </Text>
      {answered ? (
        <div aria-hidden className="stride-effectiveness-chart">
          <BarChart
            h={96}
            data={[row('Learners', objective.learner), row('Supervisors', objective.supervisor)]}
            dataKey="role"
            type="percent"
            orientation="vertical"
            series={ratings.map((r) => ({ name: r.key, label: r.label, color: r.color }))}
            textColor="gray.8"
            gridAxis="none"
            withTooltip={false}
            yAxisProps={{ width: 90 }}
            barChartProps={{ accessibilityLayer: false }}
          />
        </div>
      ) : (
        <Text size="sm" c="gray.7">
          No answers about this objective yet.
        </Text>
      )}
    </Box>
  );
}

export function ObjectivesSection({ objectives }: { objectives: ObjectiveFigures[] }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="effectiveness-objectives" className="stride-effectiveness-card">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="lg" id="effectiveness-objectives">
          Objectives met — learners and supervisors
        </Title>
        <Legend />
      </Group>
      <Box className="stride-effectiveness-charts" mb="md">
        {objectives.map((o, i) => (
          <ObjectiveChart key={o.id} objective={o} number={i + 1} />
        ))}
      </Box>
      <ScrollTable minWidth={640} label="Objectives met, as counts">
        <Table striped verticalSpacing="xs">
          <Table.Caption>How many learners and supervisors rated each objective met, partly met or not met, with the share of their answers.</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Objective</Table.Th>
              <Table.Th scope="col">Answered by</Table.Th>
              {ratings.map((r) => (
                <Table.Th key={r.key} scope="col">
                  {r.label}
                </Table.Th>
              ))}
              <Table.Th scope="col">Answers</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {objectives.flatMap((o, n) =>
              (['learner', 'supervisor'] as const).map((role, i) => (
                <Table.Tr key={`${o.id}-${role}`}>
                  {i === 0 && (
                    <Table.Th scope="rowgroup" rowSpan={2} fw={500}>
                      {n + 1}. {o.text}
                      {o.removed ? ' (removed)' : ''}
                    </Table.Th>
                  )}
                  <Table.Td>{role === 'learner' ? 'Learners' : 'Supervisors'}</Table.Td>
                  {ratings.map((r) => (
                    <Table.Td key={r.key}>{cell(o[role], r.key)}</Table.Td>
                  ))}
                  <Table.Td>{o[role].total}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Paper>
  );
}
