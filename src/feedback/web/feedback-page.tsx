import { Anchor, Badge, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDateTime } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { PersonSelect } from '../../people/web/person-select';
import { sizeLabel } from '../../platform/http/size-label';
import { QuestionClocks } from '../../questions/web/question-clocks';
import { feedbackCategoryLabels } from '../feedback-schemas';
import { feedbackStaffRoles } from '../feedback-staff';
import { useFeedback, useFeedbackStep, type Feedback } from './feedback-api';
import { statusColors, statusLabels } from './feedback-format';
import { FeedbackHistory } from './feedback-history';

/** One feedback (FB-1): the unit handles it here; a named sender reads their own (without internal notes). */
export function FeedbackPage() {
  const { id = '' } = useParams();
  const actor = useActor();
  const feedback = useFeedback(id);
  if (feedback.isLoading) return <FullPageLoader />;
  if (feedback.error || !feedback.data) return <ErrorAlert error={feedback.error} title="This feedback cannot be shown" />;
  const f = feedback.data;
  const handles = hasRole(actor, ...feedbackStaffRoles);
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${f.kind === 'compliment' ? 'Compliment' : 'Complaint'} ${f.reference}`}
        description={`${feedbackCategoryLabels[f.category]}${f.about ? ` · ${f.about}` : ''} · received ${formatDateTime(f.receivedAt)}`}
        actions={
          <Badge size="lg" color={statusColors[f.status]} c={`${statusColors[f.status]}.9`} variant="light" tt="none">
            {statusLabels[f.status]}
          </Badge>
        }
      />
      <Card withBorder radius="md" padding="lg">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{f.body}</Text>
        <Text size="sm" mt="sm" c="gray.7">
          {f.anonymous ? 'Sent anonymously: who sent it is not known to Stride.' : f.sender ? `From ${f.sender.name} (${f.sender.email})` : ''}
          {f.owner ? ` · Handled by ${f.owner.name}` : ''}
        </Text>
        {f.attachments.length > 0 && (
          <List size="sm" mt="sm" aria-label="Attachments">
            {f.attachments.map((file) => (
              <List.Item key={file.id}>
                <Anchor href={`/api/v1/feedback/${f.id}/files/${file.id}`} download>
                  {file.name}
                </Anchor>{' '}
                ({sizeLabel(file.sizeBytes)})
              </List.Item>
            ))}
          </List>
        )}
      </Card>
      {f.response && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="response-heading">
          <Title order={2} size="h4" id="response-heading" mb="xs">Response</Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{f.response}</Text>
        </Card>
      )}
      {handles && f.status !== 'closed' && <HandlingSteps feedback={f} actorId={actor.id} actorName={actor.name} />}
      {f.clocks.length > 0 && <QuestionClocks clocks={f.clocks} />}
      <FeedbackHistory feedback={f} />
    </Stack>
  );
}

function StepForm({ feedback, step, label, field, button, extra, bodyOf }: { feedback: Feedback; step: 'acknowledge' | 'notes' | 'respond' | 'close'; label: string; field: string; button: string; extra?: (fieldError: (name: string) => string | undefined) => ReactNode; bodyOf?: (text: string) => object }) {
  const [text, setText] = useState('');
  const mutation = useFeedbackStep(feedback.id, step);
  const errorOf = (name: string) => (isApiProblem(mutation.error) ? mutation.error.errors.find((e) => e.field === name)?.message : undefined);
  const fieldError = errorOf(field);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(bodyOf ? bodyOf(text) : { [field]: text }, { onSuccess: () => setText('') });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={button}>
      <Stack gap="xs">
        {mutation.error && !fieldError && <ErrorAlert error={mutation.error} title="Not saved" formFields={[field, 'ownerId']} />}
        {extra?.(errorOf)}
        <Textarea label={label} autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldError} name={field} />
        <Group>
          <Button type="submit" loading={mutation.isPending} variant={step === 'notes' ? 'default' : 'filled'}>
            {button}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function HandlingSteps({ feedback, actorId, actorName }: { feedback: Feedback; actorId: string; actorName: string }) {
  const [ownerId, setOwnerId] = useState<string | null>(feedback.owner?.id ?? actorId);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="handle-heading">
      <Title order={2} size="h4" id="handle-heading" mb="sm">Handle it</Title>
      <Stack gap="lg">
        {(feedback.status === 'received' || !feedback.owner) && (
          <StepForm
            feedback={feedback}
            step="acknowledge"
            field="message"
            label={feedback.anonymous ? 'A word to the sender (shown on their private link)' : 'A word to the sender (mailed to them)'}
            button="Acknowledge"
            extra={(errorOf) => <PersonSelect label="Who handles it" description="A unit lead, coordinator or admin." placeholder="Choose who handles it" value={ownerId} initialLabel={feedback.owner?.name ?? actorName} onChange={setOwnerId} error={errorOf('ownerId')} />}
            bodyOf={(message) => ({ ownerId, message })}
          />
        )}
        <StepForm feedback={feedback} step="notes" field="note" label="Investigation note (internal: the sender never sees it)" button="Add the note" />
        {feedback.status !== 'responded' && <StepForm feedback={feedback} step="respond" field="response" label="Response: what you found and what changes" button="Send the response" />}
        {feedback.status === 'responded' && <StepForm feedback={feedback} step="close" field="note" label="How was the loop closed with the sender?" button="Close the loop" />}
      </Stack>
    </Card>
  );
}
