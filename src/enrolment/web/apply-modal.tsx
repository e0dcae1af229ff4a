import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import type { BothZones } from '../../catalog/web/catalog-format';
import { applyInput } from '../enrolment-schemas';
import { answersFromForm, answersInput, audienceAnswersSchema, AudienceQuestions, emptyAudienceForm, withAnswerFields } from './audience-questions';
import { useApply, type EnrolmentView, type SessionSeatsView } from './enrolment-api';
import { stateLine } from './enrolment-format';

type Props = {
  opened: boolean;
  onClose: () => void;
  seats: SessionSeatsView;
  courseTitle: string;
  when: BothZones;
  /** The applicant's direct manager; null when they have none, undefined while unknown. */
  manager: { name: string } | null | undefined;
};

/** What pressing the button will do, in words, before it is pressed (CA-3). */
export function whatHappensNext({ seats, approvalMode }: SessionSeatsView, manager: Props['manager']): string {
  const later = 'Once approved, you get a seat if one is free, or a place on the waitlist in the order you applied.';
  if (approvalMode === 'supervisor') {
    if (manager === null) return `You have no supervisor in Stride, so your application goes to the training unit for approval. ${later}`;
    return `Your application goes to ${manager ? `your supervisor, ${manager.name},` : 'your supervisor'} for approval, by e-mail. ${later}`;
  }
  if (approvalMode === 'coordinator') return `Your application goes to the training unit for approval. ${later}`;
  if (seats.free > 0) return 'Your seat is confirmed at once, and a confirmation with a calendar invitation comes by e-mail.';
  return `The session is full: you join the waitlist at position ${seats.waitlisted + 1}. When a seat frees, it goes to the first on the waitlist automatically, and you are told by e-mail.`;
}

function outcome(e: EnrolmentView, manager: Props['manager']): string {
  if (e.state === 'confirmed') return 'You have a seat. A confirmation with a calendar invitation is on its way to your e-mail.';
  if (e.state === 'waitlisted') return `You are number ${e.waitlistPosition ?? '?'} on the waitlist. If a seat frees, it is yours in turn, and you are told by e-mail.`;
  const whom = e.approval?.by === 'coordinator' ? 'the training unit' : manager ? manager.name : 'your supervisor';
  return `We asked ${whom} to approve. You will get an e-mail when they decide; until then it shows in My learning.`;
}

/**
 * Apply → this modal → send → done: what happens next, the audience questions (CA-4), an optional
 * note, the outcome. The answers are validated with the server's own schema.
 */
export function ApplyModal({ opened, onClose, seats, courseTitle, when, manager }: Props) {
  const apply = useApply(seats.sessionId);
  const { role, prerequisites } = seats.questions;
  const form = useZodForm(emptyAudienceForm(role));

  const close = () => {
    apply.reset();
    form.reset(emptyAudienceForm(role));
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(audienceAnswersSchema(prerequisites).extend({ note: applyInput.shape.note }), { ...answersFromForm(form.values), note: form.values.note });
    if (!input) return;
    const { note, ...answers } = input;
    apply.mutate({ note: note || undefined, audience: answersInput(answers) }, { onError: (error) => form.applyProblem(withAnswerFields(error)) });
  };

  const done = apply.data;
  return (
    <Modal opened={opened} onClose={close} title={done ? 'Application sent' : `Apply for ${courseTitle}`} size="lg" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {when.local}
          {when.yours ? ` (${when.yours})` : ''}
        </Text>
        {done ? (
          <>
            <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={stateLine(done, { self: true, managerName: manager?.name })} role="status">
              {outcome(done, manager)}
            </Alert>
            <Group justify="flex-end">
              <Button onClick={close} data-autofocus>
                Done
              </Button>
            </Group>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Apply for the session">
            <Stack gap="sm">
              <Text size="sm">{whatHappensNext(seats, manager)}</Text>
              {apply.error && <ErrorAlert error={apply.error} formFields={['note', 'audience']} title="Not applied" />}
              <AudienceQuestions form={form} prerequisites={prerequisites} />
              <Textarea
                label="Anything else the unit should know? (optional)"
                description={seats.approvalMode === 'supervisor' ? 'Your supervisor reads it with the request.' : undefined}
                autosize
                minRows={2}
                maxLength={1000}
                {...form.textProps('note')}
              />
              <Group justify="flex-end" mt="xs">
                <Button variant="default" onClick={close} disabled={apply.isPending}>
                  Back
                </Button>
                <Button type="submit" loading={apply.isPending} data-autofocus>
                  {seats.approvalMode === 'none' ? (seats.seats.free > 0 ? 'Take the seat' : 'Join the waitlist') : 'Send the application'}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  );
}
