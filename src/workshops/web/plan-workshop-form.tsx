import { Button, Card, Group, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { useBusinessUnits } from '../../people/web/people-api';
import { PersonSelect } from '../../people/web/person-select';
import { createWorkshopInput } from '../workshop-schemas';
import { useCreateWorkshop } from './workshops-api';

/** CX-1: plan a workshop — whose customers, what for, when, who facilitates. The guided steps follow. */
export function PlanWorkshopForm({ me, onCancel }: { me: { id: string; name: string }; onCancel: () => void }) {
  const units = useBusinessUnits();
  const create = useCreateWorkshop();
  const navigate = useNavigate();
  const form = useZodForm({ title: '', businessUnitId: null as string | null, process: '', purpose: '', heldOn: '', facilitatorId: me.id as string | null });
  const submit = () => {
    const input = form.validate(createWorkshopInput, { ...form.values, process: form.values.process.trim() || null, facilitatorId: form.values.facilitatorId ?? '' });
    if (input) create.mutate(input, { onSuccess: (w) => void navigate(`/workshops/${w.id}`), onError: (e) => void form.applyProblem(e) });
  };
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} size="h4" mb="xs">
        Plan a workshop
      </Title>
      <form
        ref={form.formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <TextInput label="Title" required maxLength={200} placeholder="e.g. Calling the contact centre" {...form.textProps('title')} />
          <Group grow align="flex-start" wrap="wrap">
            <Select label="Business unit" description="Whose customers the workshop follows." clearable data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} value={form.values.businessUnitId} error={form.errors.businessUnitId} onChange={(v) => form.setValue('businessUnitId', v)} />
            <TextInput label="Process (optional)" description="Or the process it maps." maxLength={200} {...form.textProps('process')} />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <TextInput label="Held on" type="date" required {...form.textProps('heldOn')} />
            <PersonSelect label="Facilitator" description="Who guides the workshop." placeholder="Choose a person" value={form.values.facilitatorId} initialLabel={me.name} error={form.errors.facilitatorId} onChange={(id) => form.setValue('facilitatorId', id)} />
          </Group>
          <Textarea label="What the workshop is for (optional now)" autosize minRows={2} maxLength={2000} {...form.textProps('purpose')} />
          {create.error != null && Object.keys(form.errors).length === 0 && <ErrorAlert error={create.error} title="The workshop was not created" />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Plan the workshop
            </Button>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
