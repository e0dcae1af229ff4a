import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { firstName } from '../../app/web/format';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { joinZones, sessionTimes } from '../../catalog/web/catalog-format';
import { decisionInput } from '../enrolment-schemas';
import type { ApprovalDecision } from '../enrolment-values';
import { useDecide, type EnrolmentView } from './enrolment-api';
import { stateLine } from './enrolment-format';

type Props = { enrolment: EnrolmentView | null; decision: ApprovalDecision; onClose: () => void };

/** CA-3: a supervisor or coordinator approves or declines in Stride, with an optional note to the learner. */
export function DecisionModal({ enrolment, decision, onClose }: Props) {
  const decide = useDecide();
  const form = useZodForm({ note: '', expectations: '' });

  const close = () => {
    decide.reset();
    form.reset({ note: '', expectations: '' });
    onClose();
  };

  const approve = decision === 'approve';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!enrolment) return;
    const input = form.validate(decisionInput, { decision, note: form.values.note, expectations: approve ? form.values.expectations : undefined });
    if (!input) return;
    decide.mutate(
      { id: enrolment.id, decision, note: input.note || undefined, expectations: input.expectations || undefined },
      {
        onSuccess: (decided) => {
          notifications.show({ color: 'teal', title: decision === 'approve' ? 'Approved' : 'Declined', message: `${decided.person.name}: ${stateLine(decided, { self: false })}. They are told by e-mail.` });
          close();
        },
        onError: (error) => form.applyProblem(error),
      },
    );
  };

  const name = enrolment ? enrolment.person.name : '';
  const title = `${approve ? 'Approve' : 'Decline'} ${name}’s application?`;
  return (
    <Modal opened={enrolment !== null} onClose={close} title={title} centered closeButtonProps={{ 'aria-label': 'Close without deciding' }}>
      {enrolment && (
        <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label={title}>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {enrolment.course.title}
              {enrolment.session ? ` · ${joinZones(sessionTimes(enrolment.session.startsAt, enrolment.session.endsAt, enrolment.session.timeZone))}` : ''}
            </Text>
            {enrolment.note && <Text size="sm">Their reason: “{enrolment.note}”</Text>}
            {enrolment.replacesEnrolmentId && <Text size="sm">{firstName(name)} would take a colleague’s seat: approving passes it on, declining leaves it where it is.</Text>}
            <Text size="sm">
              {approve
                ? `${firstName(name)} gets a seat if one is free, otherwise their place on the waitlist in the order they applied. They are told by e-mail.`
                : `${firstName(name)} is told by e-mail, with your note if you leave one.`}
            </Text>
            {decide.error && <ErrorAlert error={decide.error} formFields={['note', 'expectations']} title="Not decided" />}
            {approve && (
              <Textarea
                label="What do you expect them to do differently afterwards? (optional)"
                description="Kept with the application for the training unit and the instructor."
                autosize
                minRows={2}
                maxLength={1000}
                {...form.textProps('expectations')}
              />
            )}
            <Textarea label={`A note to ${firstName(name)} (optional)`} autosize minRows={2} maxLength={1000} {...form.textProps('note')} />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={close} disabled={decide.isPending}>
                Back
              </Button>
              <Button type="submit" color={approve ? 'teal' : 'red'} loading={decide.isPending}>
                {approve ? 'Approve' : 'Decline'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
