import { Badge, Button, Card, Grid, Group, List, Progress, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { formatDate } from '../../app/web/format';
import { causeLabels } from '../request-values';
import { confidenceLabels, reconciliationInput, surveyInput, MAX_SAMPLE, type TwoVoicesView } from '../survey-schemas';
import { issuesByPath } from './field-errors';
import { PeoplePicker } from './people-picker';
import { useReconcile, useSendSurvey, type Request } from './requests-api';

type Learners = NonNullable<TwoVoicesView['learners']>;

/**
 * RQ-4: the stakeholder's wants (the request's own words, and the consultant's summary) beside the
 * learners' realities (their answers, aggregated), then the consultant's reconciliation.
 */
export function TwoVoicesPanel({ r }: { r: Request }) {
  const v = r.twoVoices;
  return (
    <Stack gap="lg">
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Card withBorder radius="md" padding="lg" h="100%" component="section" aria-labelledby="wants-heading">
            <Title order={2} size="h4" id="wants-heading" mb="xs">
              What the stakeholder wants
            </Title>
            <Text size="sm"><b>The problem:</b> {r.problem || '—'}</Text>
            <Text size="sm"><b>The outcome needed:</b> {r.desiredOutcome || '—'}</Text>
            <Text size="sm"><b>The solution in mind:</b> {r.proposedSolution || '—'}</Text>
            {v.stakeholderWants && (
              <Text size="sm" mt="xs">
                <b>In the consultant’s words:</b> {v.stakeholderWants}
              </Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Card withBorder radius="md" padding="lg" h="100%" component="section" aria-labelledby="realities-heading">
            <Title order={2} size="h4" id="realities-heading" mb="xs">
              What the learners say
            </Title>
            {v.learners ? <Realities l={v.learners} /> : <Text size="sm" c="gray.7">The people who do the work answer the training unit without their names; you read the unit’s reconciliation below.</Text>}
          </Card>
        </Grid.Col>
      </Grid>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="reconciliation-heading">
        <Title order={2} size="h4" id="reconciliation-heading" mb="xs">
          Reconciliation
        </Title>
        {v.reconciliation ? <Text style={{ whiteSpace: 'pre-wrap' }}>{v.reconciliation}</Text> : <Text c="gray.7">Not written yet.</Text>}
        {v.canSurvey && <ReconcileForm r={r} />}
      </Card>
      {v.canSurvey && v.learners && <SurveyForm r={r} asked={v.learners.invites.map((i) => i.person.id)} />}
    </Stack>
  );
}

function Realities({ l }: { l: Learners }) {
  if (l.invited === 0) return <Text size="sm" c="gray.7">Nobody asked yet. Ask a sample of the people who do the work below.</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {l.answered} of {l.invited} answered{l.confidence.mean !== null ? ` · confidence ${l.confidence.mean.toFixed(1)} of 5` : ''}
      </Text>
      {l.answered > 0 && (
        <>
          <Stack gap={2} role="list" aria-label="Confidence today">
            {confidenceLabels.map((label, i) => (
              <Group key={label} gap="xs" wrap="nowrap" role="listitem">
                <Text size="xs" w={90}>
                  {label}
                </Text>
                <Progress value={(l.confidence.counts[i]! / l.answered) * 100} style={{ flex: 1 }} aria-label={`${label}: ${l.confidence.counts[i]}`} />
                <Text size="xs" w={20}>
                  {l.confidence.counts[i]}
                </Text>
              </Group>
            ))}
          </Stack>
          {l.causes.length > 0 && (
            <Group gap={4}>
              {l.causes.map((c) => (
                <Badge key={c.cause} variant="light" color="grape">
                  {causeLabels[c.cause]}: {c.count}
                </Badge>
              ))}
            </Group>
          )}
          <Text size="sm" fw={600}>What gets in the way</Text>
          <List size="sm">{l.obstacles.map((o, i) => <List.Item key={i}>{o}</List.Item>)}</List>
          <Text size="sm" fw={600}>What would help</Text>
          <List size="sm">{l.wouldHelp.map((o, i) => <List.Item key={i}>{o}</List.Item>)}</List>
        </>
      )}
      <Text size="xs" c="gray.7">
        Asked: {l.invites.map((i) => `${i.person.name}${i.answeredAt ? ' ✓' : new Date(i.closesAt) < new Date() ? ' (closed)' : ''}`).join(', ')}
      </Text>
    </Stack>
  );
}

function ReconcileForm({ r }: { r: Request }) {
  const reconcile = useReconcile(r.id);
  const form = useZodForm({ stakeholderWants: r.twoVoices.stakeholderWants ?? '', reconciliation: r.twoVoices.reconciliation ?? '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate(reconciliationInput, { ...form.values, revision: r.revision });
    if (input) reconcile.mutate(input, { onSuccess: () => notifications.show({ color: 'teal', title: 'Reconciliation saved', message: 'The requester reads it on the request.' }), onError: (err) => form.applyProblem(err) });
  };
  return (
    <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Reconcile the two voices">
      <Stack gap="xs" mt="md">
        <TextInput label="What the stakeholder wants, in a sentence (optional)" maxLength={4000} {...form.textProps('stakeholderWants')} />
        <Textarea label="How the two voices fit together" required autosize minRows={3} maxLength={8000} {...form.textProps('reconciliation')} />
        <Group>
          <Button type="submit" size="xs" loading={reconcile.isPending}>
            Save the reconciliation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SurveyForm({ r, asked }: { r: Request; asked: string[] }) {
  const send = useSendSurvey(r.id);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = surveyInput.safeParse({ personIds, note });
    if (!parsed.success) return setErrors(issuesByPath(parsed.error));
    setErrors({});
    send.mutate(parsed.data, {
      onSuccess: () => {
        setPersonIds([]);
        notifications.show({ color: 'teal', title: 'Questionnaire sent', message: `${parsed.data.personIds.length} people were mailed a link.` });
      },
      onError: (err) => setErrors(issuesByPath(err)),
    });
  };
  const personError = errors.personIds ?? Object.entries(errors).find(([k]) => k.startsWith('personIds.'))?.[1];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="survey-heading">
      <Title order={2} size="h4" id="survey-heading" mb="xs">
        Ask the people who do the work
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        A sample of the affected audience ({MAX_SAMPLE} at most) is mailed four short questions, answered once within three weeks without signing in.
      </Text>
      <form onSubmit={onSubmit} noValidate aria-label="Send the questionnaire">
        <Stack gap="xs">
          <PeoplePicker label="Whom to ask" description={r.businessUnit ? `People of ${r.businessUnit.name}; type a name for anyone else.` : 'Type a name.'} value={personIds} onChange={setPersonIds} error={personError} businessUnitId={r.businessUnit?.id} exclude={asked} />
          <TextInput label="A line above the questions (optional)" maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <Group>
            <Button type="submit" size="xs" loading={send.isPending}>
              Send the questionnaire
            </Button>
          </Group>
          {asked.length > 0 && (
            <Text size="xs" c="gray.7">
              Last sent {formatDate(r.events.filter((e) => e.type === 'survey_sent').at(-1)?.at)}.
            </Text>
          )}
        </Stack>
      </form>
    </Card>
  );
}
