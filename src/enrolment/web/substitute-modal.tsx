import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { PersonSelect } from '../../people/web/person-select';
import { substituteInput } from '../enrolment-schemas';
import { useColleagueOptions, useSubstitute, type EnrolmentView } from './enrolment-api';
import { stateLine } from './enrolment-format';

type Props = { enrolment: EnrolmentView | null; self: boolean; staff: boolean; onClose: () => void };

/**
 * CA-3 substitution: a confirmed seat passes to a colleague, past the waitlist. The session's approval
 * rules apply to the colleague; while they wait for approval, the seat stays where it is.
 */
export function SubstituteModal({ enrolment, self, staff, onClose }: Props) {
  const substitute = useSubstitute();
  const form = useZodForm({ personId: '', note: '' });
  const [key, setKey] = useState(0);
  // Coordinators search the directory; a learner or supervisor, the teammates of the seat's holder.
  const colleagueOptions = useColleagueOptions(enrolment?.id ?? '');

  const close = () => {
    substitute.reset();
    form.reset({ personId: '', note: '' });
    setKey((k) => k + 1);
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!enrolment) return;
    const input = form.validate(substituteInput);
    if (!input) return;
    substitute.mutate(
      { id: enrolment.id, personId: input.personId, note: input.note || undefined },
      {
        onSuccess: (taken) => {
          const message = taken.state === 'pending_approval' ? `${taken.person.name} needs approval first; the seat stays ${self ? 'yours' : `${enrolment.person.name}’s`} until then.` : `${taken.person.name} has the seat.`;
          notifications.show({ color: 'teal', title: stateLine(taken, { self: false }), message });
          close();
        },
        onError: (error) => form.applyProblem(error),
      },
    );
  };

  const holder = self || !enrolment ? 'yours' : `${enrolment.person.name}’s`;
  return (
    <Modal opened={enrolment !== null} onClose={close} title="Send a colleague instead" centered closeButtonProps={{ 'aria-label': 'Close without passing the seat on' }}>
      {enrolment && (
        <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Send a colleague instead">
          <Stack gap="sm">
            <Text size="sm" fw={600}>
              {enrolment.course.title}
            </Text>
            <Text size="sm">
              The seat passes to your colleague at once, past the waitlist — unless the session needs their supervisor’s approval; then it stays {holder} until they approve.
            </Text>
            {substitute.error && <ErrorAlert error={substitute.error} formFields={['personId', 'note']} title="The seat was not passed on" />}
            <PersonSelect
              key={key}
              label="Colleague who takes the seat"
              description={staff ? 'Search by name.' : 'Search by name among the teammates (same unit or same manager). Someone else? Ask the training unit to pass the seat on.'}
              placeholder="Choose a colleague"
              value={form.values.personId || null}
              onChange={(id) => form.setValue('personId', id ?? '')}
              excludeId={enrolment.person.id}
              error={form.errors.personId}
              {...(staff ? {} : { useOptions: colleagueOptions })}
            />
            <Textarea label="Note (optional)" description="Why they should go; their supervisor reads it if they need to approve." autosize minRows={2} maxLength={1000} {...form.textProps('note')} />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={close} disabled={substitute.isPending}>
                Back
              </Button>
              <Button type="submit" loading={substitute.isPending}>
                Pass the seat on
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
