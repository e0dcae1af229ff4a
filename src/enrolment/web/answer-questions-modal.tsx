import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { joinZones, sessionTimes } from '../../catalog/web/catalog-format';
import { answersFromForm, answersInput, audienceAnswersSchema, AudienceQuestions, emptyAudienceForm, withAnswerFields } from './audience-questions';
import { useAnswerAudience, useSessionSeats, type EnrolmentView } from './enrolment-api';

type Props = { enrolment: EnrolmentView | null; onClose: () => void };

/** CA-4 "Tell us about you": the application's questions, answered later (after a nomination, say). */
export function AnswerQuestionsModal({ enrolment, onClose }: Props) {
  return (
    <Modal opened={enrolment !== null} onClose={onClose} title="Tell us about you" size="lg" centered closeButtonProps={{ 'aria-label': 'Close without answering' }}>
      {enrolment && <Questions key={enrolment.id} enrolment={enrolment} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted with the enrolment, so the role starts as their job title. */
function Questions({ enrolment, onClose }: { enrolment: EnrolmentView; onClose: () => void }) {
  const answer = useAnswerAudience();
  const seats = useSessionSeats(enrolment.session?.id ?? '');
  const prerequisites = seats.data?.questions.prerequisites ?? null;
  const role = enrolment.person.jobTitle;
  const form = useZodForm(emptyAudienceForm(role));

  const close = () => {
    answer.reset();
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(audienceAnswersSchema(prerequisites), answersFromForm({ ...form.values, role: form.values.role || role }));
    if (!input) return;
    answer.mutate(
      { id: enrolment.id, ...answersInput(input) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Thank you', message: 'Your answers are with the training unit.' });
          close();
        },
        onError: (error) => form.applyProblem(withAnswerFields(error)),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Tell us about you">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {enrolment.course.title}
          {enrolment.session ? ` · ${joinZones(sessionTimes(enrolment.session.startsAt, enrolment.session.endsAt, enrolment.session.timeZone))}` : ''}
        </Text>
        {answer.error && <ErrorAlert error={answer.error} formFields={['role', 'reason', 'priorExperience', 'priorExperienceNote', 'selfRatedLevel', 'meetsPrerequisites', 'audience']} title="Not saved" />}
        {seats.isPending ? <Text size="sm">Loading the questions…</Text> : <AudienceQuestions form={form} prerequisites={prerequisites} />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={close} disabled={answer.isPending}>
            Later
          </Button>
          <Button type="submit" loading={answer.isPending} disabled={seats.isPending}>
            Send my answers
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
