import { Anchor, Badge, Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { formatDay, usePlans, useStartable, useStartPlan, type PlanSummary } from './retention-api';
import { PageSection } from '../../app/web/components/page-section';

/** One plan: the course, whose it is, its own progress (never compared with anyone's) and the next check-in. */
function PlanRow({ plan, showLearner }: { plan: PlanSummary; showLearner: boolean }) {
  const percent = plan.actionsTotal ? Math.round((plan.actionsDone / plan.actionsTotal) * 100) : 0;
  const label = `${plan.actionsDone} of ${plan.actionsTotal} actions done`;
  return (
    <Paper withBorder p="md" radius="md" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Anchor component={Link} to={`/retention-plans/${plan.id}`} fw={600}>
            {plan.course.title} ({plan.course.code})
          </Anchor>
          {showLearner && <Text size="sm">{plan.learner.name}</Text>}
        </Stack>
        <Badge color={plan.state === 'closed' ? 'green.9' : 'blue.9'} variant="light">
          {plan.state === 'closed' ? 'Objectives applied' : 'Active'}
        </Badge>
      </Group>
      <Progress value={percent} mt="sm" aria-label={label} color="teal.8" />
      <Group justify="space-between" mt={4} wrap="wrap">
        <Text size="sm">{label}</Text>
        {plan.nextCheckIn && <Text size="sm">Next check-in: {formatDay(plan.nextCheckIn)}</Text>}
      </Group>
    </Paper>
  );
}

function PlanList({ scope }: { scope: 'mine' | 'team' }) {
  const plans = usePlans(scope);
  if (plans.isPending) return <TableSkeleton rows={2} />;
  if (plans.error) return <ErrorAlert error={plans.error} />;
  if (plans.data.length === 0) return <Text size="sm">{scope === 'mine' ? 'You have no retention plan yet.' : 'Nobody in your team has a retention plan yet.'}</Text>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0}>
      {plans.data.map((p) => (
        <PlanRow key={p.id} plan={p} showLearner={scope === 'team'} />
      ))}
    </Stack>
  );
}

/** Completed courses without a plan: where a plan starts, for the learner or their supervisor. */
function Startable() {
  const startable = useStartable();
  const start = useStartPlan();
  const navigate = useNavigate();
  if (startable.isPending) return <TableSkeleton rows={1} />;
  if (startable.error) return <ErrorAlert error={startable.error} />;
  if (startable.data.length === 0) return <Text size="sm">Every completed course has its plan.</Text>;
  return (
    <Stack gap="sm">
      {start.error && <ErrorAlert error={start.error} title="The plan was not started" />}
      <Stack component="ul" gap="xs" p={0} m={0}>
        {startable.data.map((e) => (
          <Paper key={e.enrolmentId} withBorder p="sm" radius="md" component="li" style={{ listStyle: 'none' }}>
            <Group justify="space-between" wrap="wrap">
              <Stack gap={0}>
                <Text fw={600}>
                  {e.course.title} ({e.course.code})
                </Text>
                <Text size="sm">
                  {e.learner.name}
                  {e.completedAt ? `, completed ${formatDay(e.completedAt.slice(0, 10))}` : ''}
                </Text>
              </Stack>
              <Button
                variant="default"
                loading={start.isPending && start.variables === e.enrolmentId}
                aria-label={`Start a retention plan: ${e.course.title}, ${e.learner.name}`}
                onClick={() => start.mutate(e.enrolmentId, { onSuccess: (plan) => navigate(`/retention-plans/${plan.id}`) })}
              >
                Start a plan
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/**
 * AF-6: retention plans — mine and my team's, each with its own progress, and the completed courses
 * that have no plan yet. A plan turns each course objective into something done on the job.
 */
export function RetentionPlansPage() {
  const team = usePlans('team');
  return (
    <>
      <PageHeader title="Retention plans" description="What you and your supervisor agreed to do so each course objective is applied on the job, with check-in dates." />
      <Stack gap="xl">
        <PageSection id="startable-heading" title="Start a plan" description="Completed courses, yours and your team’s, that have no retention plan yet.">
          <Startable />
        </PageSection>
        <PageSection id="mine-heading" title="My plans" description="Your own plans, active first.">
          <PlanList scope="mine" />
        </PageSection>
        {(team.data?.length ?? 0) > 0 && (
          <PageSection id="team-heading" title="My team’s plans" description="The plans of the people who report to you; you confirm when the objectives are applied.">
            <PlanList scope="team" />
          </PageSection>
        )}
      </Stack>
    </>
  );
}
