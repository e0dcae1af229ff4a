import { Anchor, Box, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { usePageTitle } from '../../app/web/hooks/use-page-title';
import { formatDay, kindLabels, ownerLabels, usePlan, type PlanView } from './retention-api';

type Action = PlanView['otherActions'][number];

function Actions({ actions }: { actions: Action[] }) {
  if (actions.length === 0) return <Text size="sm">No action.</Text>;
  return (
    <List spacing={4} size="sm">
      {actions.map((a) => (
        <List.Item key={a.id}>
          {a.done ? '☑' : '☐'} {a.description} — {kindLabels[a.kind]}, {ownerLabels[a.owner].toLowerCase()}
          {a.dueOn ? `, by ${formatDay(a.dueOn)}` : ''}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * AF-6: the plan on paper, for the learner and supervisor to take into a check-in: who, which
 * course, each objective with its actions, the check-in dates, and the unit's contact details.
 */
export function RetentionPlanPrintPage() {
  const { id = '' } = useParams();
  const plan = usePlan(id);
  usePageTitle(plan.data ? `Retention plan (print): ${plan.data.course.title}` : 'Retention plan (print)');
  const p = plan.data;
  if (!p) return plan.error ? <ErrorAlert error={plan.error} title="This retention plan cannot be shown" /> : <FullPageLoader />;
  return (
    <Stack gap="md" className="stride-retention-document stride-print-document" maw={820}>
      <Group justify="space-between" className="stride-no-print">
        <Anchor component={Link} to={`/retention-plans/${p.id}`} size="sm">
          ‹ Back to the plan
        </Anchor>
        <Button onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />}>
          Print
        </Button>
      </Group>
      <Title order={1}>Retention plan</Title>
      <Table withRowBorders={false} variant="vertical" layout="fixed" maw={600}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={160}>Learner</Table.Th>
            <Table.Td>{p.learner.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Supervisor</Table.Th>
            <Table.Td>{p.supervisor?.name ?? '—'}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>Course</Table.Th>
            <Table.Td>
              {p.course.title} ({p.course.code}){p.completedAt ? `, completed ${formatDay(p.completedAt.slice(0, 10))}` : ''}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>State</Table.Th>
            <Table.Td>{p.state === 'closed' ? `Objectives applied, confirmed by ${p.closedBy?.name ?? 'the supervisor'} on ${formatDay(p.closedAt?.slice(0, 10) ?? null)}` : `Active (revision ${p.revision})`}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Box component="section" aria-labelledby="print-objectives">
        <Title order={2} size="h3" id="print-objectives" mb="xs">
          Objectives and actions
        </Title>
        <Stack gap="sm">
          {p.objectives.map((o, i) => (
            <Box key={o.id}>
              <Text fw={600}>
                {i + 1}. {o.text}
              </Text>
              <Actions actions={o.actions} />
            </Box>
          ))}
          {p.otherActions.length > 0 && (
            <Box>
              <Text fw={600}>For the plan as a whole</Text>
              <Actions actions={p.otherActions} />
            </Box>
          )}
        </Stack>
      </Box>
      <Box component="section" aria-labelledby="print-check-ins">
        <Title order={2} size="h3" id="print-check-ins" mb="xs">
          Check-ins
        </Title>
        {p.checkIns.length === 0 ? (
          <Text size="sm">No check-in planned.</Text>
        ) : (
          <List spacing={4} size="sm">
            {p.checkIns.map((c) => (
              <List.Item key={c.id}>
                {formatDay(c.dueOn)}
                {c.held ? ' — held' : ''}
                {c.note ? `: ${c.note}` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Box>
      <UnitContactCard />
    </Stack>
  );
}
