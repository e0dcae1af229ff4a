import { Button, Card, Group, Radio, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDateTime } from '../../app/web/format';
import { useSuggestion, useSuggestionStep, type Suggestion } from './suggestions-api';
import { suggestionEventLabels } from './suggestion-format';
import { SuggestionStatusBadge } from './suggestion-status-badge';

/** One suggestion (FB-2): every step for the submitter; review for their manager; the decision for leaders. */
export function SuggestionPage() {
  const { id = '' } = useParams();
  const suggestion = useSuggestion(id);
  if (suggestion.isLoading) return <FullPageLoader />;
  if (suggestion.error || !suggestion.data) return <ErrorAlert error={suggestion.error} title="This suggestion cannot be shown" />;
  const s = suggestion.data;
  return (
    <Stack gap="lg">
      <PageHeader title={s.title} description={`${s.reference} · suggested by ${s.submitter.name} on ${formatDateTime(s.submittedAt)} · reviewed by ${s.reviewer?.name ?? 'leaders'}`} actions={<SuggestionStatusBadge status={s.status} />} />
      <Card withBorder radius="md" padding="lg">
        <Title order={2} size="h5">The idea</Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} mb="sm">{s.idea}</Text>
        <Title order={2} size="h5">What it improves</Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{s.benefit}</Text>
      </Card>
      {s.can.review && <ReviewForm suggestion={s} />}
      {s.can.decide && <DecideForm suggestion={s} />}
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="steps-heading">
        <Title order={2} size="h4" id="steps-heading" mb="sm">Every step</Title>
        <Timeline active={s.events.length - 1} bulletSize={14} lineWidth={2}>
          {s.events.map((e) => (
            <Timeline.Item key={e.id} title={<Text fw={600} size="sm">{suggestionEventLabels[e.type]}</Text>}>
              <Text size="sm" c="gray.7">{formatDateTime(e.at)}{e.actor ? ` · ${e.actor.name}` : ''}</Text>
              {e.text && <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{e.text}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
    </Stack>
  );
}

function fieldError(error: unknown, field: string) {
  return isApiProblem(error) ? error.errors.find((e) => e.field === field)?.message : undefined;
}

function ReviewForm({ suggestion }: { suggestion: Suggestion }) {
  const [choice, setChoice] = useState<'escalate' | 'answer'>('escalate');
  const [text, setText] = useState('');
  const escalate = useSuggestionStep(suggestion.id, 'escalate');
  const answer = useSuggestionStep(suggestion.id, 'answer');
  const mutation = choice === 'escalate' ? escalate : answer;
  const field = choice === 'escalate' ? 'support' : 'reason';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ [field]: text });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="review-heading">
      <Title order={2} size="h4" id="review-heading" mb="sm">Your review</Title>
      <form onSubmit={onSubmit} noValidate aria-label="Review the suggestion">
        <Stack gap="sm">
          {mutation.error && !fieldError(mutation.error, field) && <ErrorAlert error={mutation.error} title="Not saved" />}
          <Radio.Group label="What do you do with it?" value={choice} onChange={(v) => setChoice(v as 'escalate' | 'answer')}>
            <Group mt="xs">
              <Radio value="escalate" label="Support it and take it to leadership" />
              <Radio value="answer" label="Answer why not" />
            </Group>
          </Radio.Group>
          <Textarea label={choice === 'escalate' ? 'Why you support it (for leadership)' : `Why not (for ${suggestion.submitter.name})`} autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldError(mutation.error, field)} name={field} />
          <div>
            <Button type="submit" loading={mutation.isPending}>{choice === 'escalate' ? 'Escalate to leadership' : 'Send the answer'}</Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}

function DecideForm({ suggestion }: { suggestion: Suggestion }) {
  const [decision, setDecision] = useState('adopt');
  const [reason, setReason] = useState('');
  const decide = useSuggestionStep(suggestion.id, 'decide');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({ decision, reason });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="decide-heading">
      <Title order={2} size="h4" id="decide-heading" mb="sm">Leadership’s decision</Title>
      <form onSubmit={onSubmit} noValidate aria-label="Decide the suggestion">
        <Stack gap="sm">
          {decide.error && !fieldError(decide.error, 'reason') && <ErrorAlert error={decide.error} title="Not saved" />}
          <Radio.Group label="Decision" value={decision} onChange={setDecision}>
            <Group mt="xs">
              <Radio value="adopt" label="Adopt" />
              <Radio value="pilot" label="Pilot" />
              <Radio value="decline" label="Decline" />
            </Group>
          </Radio.Group>
          <Textarea label={decision === 'decline' ? 'Why not' : 'What happens next'} autosize minRows={3} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError(decide.error, 'reason')} name="reason" />
          <div>
            <Button type="submit" loading={decide.isPending}>Record the decision</Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
