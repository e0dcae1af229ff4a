import { Anchor, Badge, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { formatDate } from '../../app/web/format';
import { closeActionInput, type ActionView } from '../request-schemas';
import { interventionLabels } from '../request-values';
import { issuesByPath } from './field-errors';
import { useCloseAction, type Request } from './requests-api';
import { ActionEnrolments, EnrolFromActionForm } from './enrol-from-action-form';

const kindLabel = { project: 'Development project', enrolments: 'Enrolments in the course', referral: 'Referral to its owner' } as const;

/** RQ-6: each accepted intervention as a tracked item, followed to its end, visible to the requester. */
export function FollowThroughPanel({ r }: { r: Request }) {
  if (r.actions.length === 0) {
    return <Text c="gray.7">{r.state === 'closed' ? 'Nothing to follow: the accepted recommendation was no intervention.' : 'Accepted interventions appear here, each followed to its end.'}</Text>;
  }
  return (
    <Stack gap="md">
      {r.actions.map((a) => (
        <ActionCard key={a.id} r={r} a={a} />
      ))}
    </Stack>
  );
}

function ActionCard({ r, a }: { r: Request; a: ActionView }) {
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-label={a.intervention.title}>
      <Group justify="space-between">
        <Group gap="xs">
          <Badge variant="light">{interventionLabels[a.intervention.kind]}</Badge>
          <Text fw={600}>{a.intervention.title}</Text>
        </Group>
        <Badge color={a.state === 'open' ? 'blue' : a.state === 'done' ? 'green' : 'gray'}>{a.state === 'open' ? 'In progress' : a.state === 'done' ? 'Done' : 'Dropped'}</Badge>
      </Group>
      <Text size="sm" c="gray.7">
        {kindLabel[a.kind]} · owner {a.owner.name} · since {formatDate(a.createdAt)}
        {a.project && (
          <>
            {' · project '}
            {/* The unit's staff follow the project on its page; the requester reads its state here. */}
            {r.canManage ? (
              <Anchor component={Link} to={`/development/${a.project.id}`} size="sm" td="underline">
                “{a.project.title}”
              </Anchor>
            ) : (
              `“${a.project.title}”`
            )}
            {` (${a.project.size}, ${a.project.state})`}
          </>
        )}
        {a.course ? ` · ${a.course.title} (${a.course.code})` : ''}
      </Text>
      <ActionEnrolments a={a} />
      {a.kind === 'enrolments' && a.canClose && r.canManage && <EnrolFromActionForm r={r} a={a} />}
      {a.outcome && (
        <Text size="sm" mt="xs">
          <b>How it ended ({formatDate(a.closedAt)}):</b> {a.outcome}
        </Text>
      )}
      {a.canClose && <CloseForm r={r} a={a} />}
    </Card>
  );
}

function CloseForm({ r, a }: { r: Request; a: ActionView }) {
  const [state, setState] = useState('done');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const close = useCloseAction(r.id);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = closeActionInput.safeParse({ state, outcome });
    if (!parsed.success) return setErrors(issuesByPath(parsed.error));
    setErrors({});
    close.mutate({ ...parsed.data, actionId: a.id }, { onSuccess: () => notifications.show({ color: 'teal', title: 'Recorded', message: 'The item is closed with how it ended.' }), onError: (error) => setErrors(issuesByPath(error)) });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`How “${a.intervention.title}” ended`}>
      <Stack gap="xs" mt="sm">
        {close.error && <ErrorAlert error={close.error} title="Not recorded" />}
        <Radio.Group value={state} onChange={setState} label="How did it end?" error={errors.state}>
          <Group mt={4}>
            <Radio value="done" label="Done" />
            <Radio value="dropped" label="Dropped" />
          </Group>
        </Radio.Group>
        <Textarea label="Outcome" description="What was done, and what changed." autosize minRows={2} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} error={errors.outcome} />
        <Button type="submit" size="xs" w="fit-content" loading={close.isPending}>
          Record the outcome
        </Button>
      </Stack>
    </form>
  );
}
