import { Button, Card, Group, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useActor } from '../../app/web/hooks/use-session';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { closeSupportCaseInput, reopenSupportCaseInput, supportNoteInput } from '../support-schemas';
import { useAssignCase, useCloseCase, useNoteCase, useReopenCase, type SupportCase } from './support-api';
import { DecideForm } from './decide-form';
import { useSupportStaff } from './use-support-staff';

const done = (title: string, message: string) => notifications.show({ color: 'teal', title, message });

/** For the unit's staff: who owns the case, the decision, internal notes, and closing (or reopening) it. */
export function SupportCaseWork({ c }: { c: SupportCase }) {
  return (
    <Stack gap="lg">
      {c.state !== 'closed' && <AssignForm c={c} />}
      {c.state !== 'closed' && <DecideForm c={c} />}
      {c.state !== 'closed' && c.decision && <CloseForm c={c} />}
      {c.state === 'closed' && <ReopenForm c={c} />}
      <NoteForm c={c} />
    </Stack>
  );
}

function AssignForm({ c }: { c: SupportCase }) {
  const actor = useActor();
  const staff = useSupportStaff();
  const assign = useAssignCase(c.id);
  const [ownerId, setOwnerId] = useState<string | null>(c.owner?.id ?? null);
  const options = [...staff.options];
  if (c.owner && !options.some((o) => o.value === c.owner?.id)) options.unshift({ value: c.owner.id, label: c.owner.name });
  const save = (id: string | null) => id && assign.mutate({ ownerId: id }, { onSuccess: (saved) => done('Assigned', `${saved.owner?.name ?? 'Someone'} owns the case.`) });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save(ownerId);
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="owner-heading">
      <Title order={2} size="h4" mb="sm" id="owner-heading">
        Owner
      </Title>
      <form onSubmit={onSubmit} aria-label="Choose who owns the case">
        <Stack gap="sm">
          {assign.error && <ErrorAlert error={assign.error} title="Not assigned" />}
          <Select label="Owner" placeholder={staff.isPending ? 'Loading…' : 'Nobody yet'} data={options} value={ownerId} onChange={setOwnerId} searchable nothingFoundMessage="No one matches" />
          <Group>
            <Button type="submit" variant="default" loading={assign.isPending} disabled={!ownerId || ownerId === c.owner?.id}>
              Save owner
            </Button>
            {c.owner?.id !== actor.id && (
              <Button variant="subtle" onClick={() => { setOwnerId(actor.id); save(actor.id); }} disabled={assign.isPending}>
                Take it myself
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function CloseForm({ c }: { c: SupportCase }) {
  const close = useCloseCase(c.id);
  const form = useZodForm({ outcome: '', objectivesNowMet: 'unknown' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const met = form.values.objectivesNowMet;
    const input = form.validate(closeSupportCaseInput, { outcome: form.values.outcome, objectivesNowMet: met === 'unknown' ? undefined : met === 'yes' });
    if (!input) return;
    close.mutate(input, { onSuccess: () => done('Case closed', 'The outcome is on the case.'), onError: (error) => form.applyProblem(error) });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="close-heading">
      <Title order={2} size="h4" mb="sm" id="close-heading">
        Close the case
      </Title>
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Close the case">
        <Stack gap="sm">
          {close.error && <ErrorAlert error={close.error} formFields={['outcome']} title="Not closed" />}
          <Textarea label="Outcome" description="What was done, and where the learner stands now." autosize minRows={3} required {...form.textProps('outcome')} />
          <Radio.Group label="Are the objectives now met?" value={form.values.objectivesNowMet} onChange={(value) => form.setValue('objectivesNowMet', value)}>
            <Group gap="md" mt={4}>
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No" />
              <Radio value="unknown" label="Cannot tell yet" />
            </Group>
          </Radio.Group>
          <Group>
            <Button type="submit" loading={close.isPending}>
              Close the case
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ReopenForm({ c }: { c: SupportCase }) {
  const reopen = useReopenCase(c.id);
  const form = useZodForm({ reason: '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(reopenSupportCaseInput);
    if (!input) return;
    reopen.mutate(input, { onSuccess: () => done('Case reopened', 'The case is back in the queue.'), onError: (error) => form.applyProblem(error) });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="reopen-heading">
      <Title order={2} size="h4" mb="sm" id="reopen-heading">
        Reopen the case
      </Title>
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Reopen the case">
        <Stack gap="sm">
          {reopen.error && <ErrorAlert error={reopen.error} formFields={['reason']} title="Not reopened" />}
          <Textarea label="Why it opens again" autosize minRows={2} required {...form.textProps('reason')} />
          <Group>
            <Button type="submit" variant="default" loading={reopen.isPending}>
              Reopen
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function NoteForm({ c }: { c: SupportCase }) {
  const note = useNoteCase(c.id);
  const form = useZodForm({ note: '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(supportNoteInput);
    if (!input) return;
    note.mutate(input, { onSuccess: () => { form.reset({ note: '' }); done('Note added', 'Only the unit’s staff see it.'); }, onError: (error) => form.applyProblem(error) });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="note-heading">
      <Title order={2} size="h4" mb="xs" id="note-heading">
        Internal note
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        For the unit only: {c.learner.name} and their supervisor do not see notes.
      </Text>
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Add an internal note">
        <Stack gap="sm">
          {note.error && <ErrorAlert error={note.error} formFields={['note']} title="Not added" />}
          <Textarea label="Note" autosize minRows={2} {...form.textProps('note')} />
          <Group>
            <Button type="submit" variant="default" loading={note.isPending}>
              Add the note
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
