import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { cancelInput } from '../enrolment-schemas';
import { useCancelEnrolment, type EnrolmentView } from './enrolment-api';

type Props = { enrolment: EnrolmentView | null; self: boolean; onClose: () => void };

/** What cancelling does to this enrolment, and the button that says it. */
function wording(e: EnrolmentView, self: boolean) {
  const whose = self ? 'your' : `${e.person.name}’s`;
  if (e.state === 'pending_approval') {
    return { title: 'Withdraw the application?', button: 'Withdraw the application', effect: `The application is withdrawn and the approval request stops working. ${self ? 'You' : 'They'} can apply again later.` };
  }
  if (e.state === 'waitlisted') {
    return { title: 'Leave the waitlist?', button: 'Leave the waitlist', effect: `${self ? 'You leave' : `${e.person.name} leaves`} the waitlist; the people behind move up.` };
  }
  if (!e.session) return { title: 'Cancel the enrolment?', button: 'Cancel the enrolment', effect: `This ends ${whose} enrolment in the course.` };
  return { title: `Cancel ${whose} place?`, button: 'Cancel the place', effect: `The seat goes to the first person on the waitlist, if anyone is waiting, and the calendar invitation is withdrawn.` };
}

/** CA-3: the last look before a place, a waitlist place or an application is given up, with an optional reason. */
export function CancelEnrolmentModal({ enrolment, self, onClose }: Props) {
  const cancel = useCancelEnrolment();
  const form = useZodForm({ reason: '' });

  const close = () => {
    cancel.reset();
    form.reset({ reason: '' });
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!enrolment) return;
    const input = form.validate(cancelInput);
    if (!input) return;
    cancel.mutate(
      { id: enrolment.id, reason: input.reason || undefined },
      {
        onSuccess: (cancelled) => {
          notifications.show({ color: 'teal', title: 'Cancelled', message: `${cancelled.course.title}: ${self ? 'your' : `${cancelled.person.name}’s`} place is given up.` });
          close();
        },
        onError: (error) => form.applyProblem(error),
      },
    );
  };

  const words = enrolment ? wording(enrolment, self) : null;
  return (
    <Modal opened={enrolment !== null} onClose={close} title={words?.title ?? ''} centered closeButtonProps={{ 'aria-label': 'Close without cancelling' }}>
      {enrolment && words && (
        <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label={words.title}>
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {enrolment.course.title}
              {self ? '' : ` · ${enrolment.person.name}`}
            </Text>
            <Text size="sm">{words.effect}</Text>
            {cancel.error && <ErrorAlert error={cancel.error} formFields={['reason']} title="Not cancelled" />}
            <Textarea label="Reason (optional)" description="Kept with the enrolment; the training unit sees it." autosize minRows={2} maxLength={1000} {...form.textProps('reason')} />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={close} disabled={cancel.isPending}>
                Keep it
              </Button>
              <Button type="submit" color="red" loading={cancel.isPending}>
                {words.button}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
