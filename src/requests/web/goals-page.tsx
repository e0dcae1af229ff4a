import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { PageSection } from '../../app/web/components/page-section';
import { ScrollTable } from '../../app/web/components/scroll-table';
import type { GoalView, SegmentView } from '../portfolio-schemas';
import { GoalForm } from './goal-form';
import { useCreateGoal, useDeleteGoal, useGoals, useMarkSegment, useSegments, useUnmarkSegment, useUpdateGoal } from './portfolio-api';

/**
 * RQ-7: the organization's strategic goals and its prime customer segments, kept by the unit lead
 * and read by the unit. Requests name a goal; the portfolio sums requests and effort by both.
 */
export function GoalsPage() {
  const goals = useGoals();
  const segments = useSegments();
  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to="/requests/portfolio" size="sm">
            ← Portfolio
          </Anchor>
        }
        title="Strategic goals and prime segments"
        description="The goals requests serve, and the business units the unit favours. A goal that requests serve is retired, never deleted: their history keeps it."
      />
      <Stack gap="xl">
        <PageSection id="goals-heading" title="Strategic goals" description="Current goals are offered on the request form and in the value dashboard’s filter.">
          {goals.isPending ? <Skeleton height={160} /> : goals.isError ? <ErrorAlert error={goals.error} title="The goals cannot be shown" /> : <Goals items={goals.data.items} canKeep={goals.data.canKeep} />}
        </PageSection>
        <PageSection id="segments-heading" title="Prime customer segments" description="Business units marked prime are highlighted in the portfolio.">
          {segments.isPending ? <Skeleton height={160} /> : segments.isError ? <ErrorAlert error={segments.error} title="The segments cannot be shown" /> : <Segments items={segments.data.items} canKeep={segments.data.canKeep} />}
        </PageSection>
      </Stack>
    </>
  );
}

function Goals({ items, canKeep }: { items: GoalView[]; canKeep: boolean }) {
  const create = useCreateGoal();
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Stack gap="md">
      {items.length === 0 ? (
        <Text c="gray.7">No strategic goals yet.</Text>
      ) : (
        <ScrollTable minWidth={640} label="Strategic goals">
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Goal</Table.Th>
                <Table.Th>Requests</Table.Th>
                <Table.Th>State</Table.Th>
                {canKeep && <Table.Th>Change</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((g) =>
                editing === g.id ? (
                  <Table.Tr key={g.id}>
                    <Table.Td colSpan={4}>
                      <EditGoal goal={g} onDone={() => setEditing(null)} />
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Text fw={600}>{g.title}</Text>
                      {g.description && (
                        <Text size="sm" c="gray.7">
                          {g.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{g.requests}</Table.Td>
                    <Table.Td>{g.active ? <Badge color="teal">Current</Badge> : <Badge color="gray">Retired</Badge>}</Table.Td>
                    {canKeep && (
                      <Table.Td>
                        <Group gap="xs">
                          <Button size="xs" variant="default" onClick={() => setEditing(g.id)} aria-label={`Change ${g.title}`}>
                            Change
                          </Button>
                          {g.requests === 0 && <DeleteGoal goal={g} />}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {canKeep && (
        <Card withBorder radius="md" padding="lg" maw={640}>
          <Text fw={600} mb="xs">
            Add a goal
          </Text>
          <GoalForm
            submitLabel="Add the goal"
            pending={create.isPending}
            error={create.error}
            onSubmit={({ title, description }, form) =>
              create.mutate(
                { title, description },
                {
                  onSuccess: (g) => {
                    form.reset();
                    notifications.show({ color: 'teal', title: 'Goal added', message: `“${g.title}” is offered on the request form.` });
                  },
                  onError: (e) => form.applyProblem(e),
                },
              )
            }
          />
        </Card>
      )}
    </Stack>
  );
}

function EditGoal({ goal, onDone }: { goal: GoalView; onDone: () => void }) {
  const update = useUpdateGoal();
  return (
    <GoalForm
      initial={{ title: goal.title, description: goal.description, active: goal.active }}
      submitLabel="Save the goal"
      pending={update.isPending}
      error={update.error}
      onCancel={onDone}
      onSubmit={(input, form) => update.mutate({ id: goal.id, ...input }, { onSuccess: onDone, onError: (e) => form.applyProblem(e) })}
    />
  );
}

function DeleteGoal({ goal }: { goal: GoalView }) {
  const remove = useDeleteGoal();
  return (
    <Button size="xs" variant="subtle" color="red" loading={remove.isPending} aria-label={`Delete ${goal.title}`} onClick={() => remove.mutate(goal.id, { onError: (e) => notifications.show({ color: 'red', title: 'Not deleted', message: e.message }) })}>
      Delete
    </Button>
  );
}

function Segments({ items, canKeep }: { items: SegmentView[]; canKeep: boolean }) {
  if (items.length === 0) return <Text c="gray.7">No business units yet: they come with the people import.</Text>;
  return (
    <ScrollTable minWidth={560} label="Prime customer segments">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Business unit</Table.Th>
            <Table.Th>Prime segment</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <SegmentRow key={s.businessUnit.id} segment={s} canKeep={canKeep} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function SegmentRow({ segment, canKeep }: { segment: SegmentView; canKeep: boolean }) {
  const mark = useMarkSegment();
  const unmark = useUnmarkSegment();
  const [note, setNote] = useState(segment.note);
  const unit = segment.businessUnit;
  const failed = (e: Error) => notifications.show({ color: 'red', title: 'Not saved', message: e.message });
  return (
    <Table.Tr>
      <Table.Td>{unit.name}</Table.Td>
      <Table.Td>
        {canKeep ? (
          <Switch
            aria-label={`${unit.name} is a prime segment`}
            checked={segment.prime}
            disabled={mark.isPending || unmark.isPending}
            onChange={(e) => (e.currentTarget.checked ? mark.mutate({ businessUnitId: unit.id, note }, { onError: failed }) : unmark.mutate(unit.id, { onError: failed }))}
          />
        ) : segment.prime ? (
          <Badge color="grape">Prime</Badge>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {canKeep && segment.prime ? (
          <Group gap="xs" wrap="nowrap">
            <TextInput size="xs" aria-label={`Why ${unit.name} is prime`} value={note} maxLength={1000} onChange={(e) => setNote(e.currentTarget.value)} />
            <Button size="xs" variant="default" disabled={note === segment.note} loading={mark.isPending} onClick={() => mark.mutate({ businessUnitId: unit.id, note }, { onError: failed })}>
              Save
            </Button>
          </Group>
        ) : (
          segment.note || '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
