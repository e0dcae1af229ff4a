import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { PersonSelect } from '../../people/web/person-select';
import { nominateInput } from '../enrolment-schemas';
import { useNominate } from './enrolment-api';
import { stateLine } from './enrolment-format';
import { withAnswerFields } from './audience-questions';

type Props = {
  opened: boolean;
  onClose: () => void;
  target: { sessionId: string } | { courseId: string };
  /** The course and, for a session, its time: what the person is put down for. */
  what: string;
  /** A coordinator enrols anyone; a supervisor their reports. */
  staff: boolean;
  selfId: string;
};

/**
 * CA-3 nomination: a supervisor puts down one of their reports (their choice is the supervisor's
 * approval), a coordinator anyone. The people search shows a supervisor their own team; the server
 * refuses anyone else, with the reason.
 */
export function NominateModal({ opened, onClose, target, what, staff, selfId }: Props) {
  const nominate = useNominate(target);
  const form = useZodForm({ personId: '', note: '', expectations: '' });
  const [key, setKey] = useState(0);

  const close = () => {
    nominate.reset();
    form.reset({ personId: '', note: '', expectations: '' });
    setKey((k) => k + 1);
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { expectations, ...rest } = form.values;
    const input = form.validate(nominateInput, { ...rest, audience: { expectations } });
    if (!input) return;
    nominate.mutate(
      { personId: input.personId, note: input.note || undefined, audience: input.audience?.expectations ? { expectations: input.audience.expectations } : undefined },
      {
        onSuccess: (enrolment) => {
          notifications.show({ color: 'teal', title: `${enrolment.person.name} is put down`, message: `${stateLine(enrolment, { self: false })}. They are told by e-mail.` });
          close();
        },
        onError: (error) => form.applyProblem(withAnswerFields(error)),
      },
    );
  };

  const title = staff ? 'Enrol someone' : 'Nominate a report';
  return (
    <Modal opened={opened} onClose={close} title={title} centered closeButtonProps={{ 'aria-label': 'Close without enrolling anyone' }}>
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label={title}>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {what}
          </Text>
          <Text size="sm">
            {staff
              ? 'Anyone in the organization; a coordinator’s choice needs no one else’s approval, and may come after the enrolment deadline.'
              : 'One of the people who report to you, directly or further down. Your choice is your approval as their supervisor.'}
          </Text>
          {nominate.error && <ErrorAlert error={nominate.error} formFields={['personId', 'note', 'audience']} title="Not put down" />}
          <PersonSelect
            key={key}
            label={staff ? 'Person to enrol' : 'Report to put down'}
            description="Search by name."
            placeholder="Choose a person"
            value={form.values.personId || null}
            onChange={(id) => form.setValue('personId', id ?? '')}
            excludeId={selfId}
            error={form.errors.personId}
          />
          <Textarea label="Note (optional)" description="Why they should go; kept with the enrolment." autosize minRows={2} maxLength={1000} {...form.textProps('note')} />
          {'sessionId' in target && (
            <Textarea
              label="What do you expect them to do differently afterwards? (optional)"
              description="For the training unit and the instructor; they answer their own questions later."
              autosize
              minRows={2}
              maxLength={1000}
              {...form.textProps('expectations')}
            />
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close} disabled={nominate.isPending}>
              Back
            </Button>
            <Button type="submit" loading={nominate.isPending}>
              Put them down
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
