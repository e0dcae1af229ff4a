import { Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { todayIn } from '../../app/web/report-period';
import { effortInput } from '../portfolio-schemas';
import { useRecordEffort, type Request } from './requests-api';

/** The reader's own calendar day: they record the day they worked. */
const today = () => todayIn(Intl.DateTimeFormat().resolvedOptions().timeZone);

/** RQ-7: the unit's hours on the request, and a form to add one's own (the portfolio sums them). */
export function EffortCard({ r, effort }: { r: Request; effort: NonNullable<Request['effort']> }) {
  const record = useRecordEffort(r.id);
  const form = useZodForm({ hours: '' as number | string, workedOn: today(), note: '' });
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = form.validate(effortInput, { ...form.values, hours: form.values.hours === '' ? undefined : Number(form.values.hours) });
    if (!input) return;
    record.mutate(input, {
      onSuccess: () => {
        form.reset({ hours: '', workedOn: today(), note: '' });
        notifications.show({ color: 'teal', title: 'Effort recorded', message: `${input.hours} h on ${r.reference}.` });
      },
      onError: (e) => form.applyProblem(e),
    });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="effort-heading">
      <Title order={2} size="h4" id="effort-heading" mb="xs">
        Effort
      </Title>
      <Text size="sm">{effort.totalHours.toLocaleString('en')} hours recorded</Text>
      {effort.entries.slice(-3).map((e) => (
        <Text key={e.id} size="xs" c="gray.7">
          {e.workedOn} · {e.person.name} · {e.hours} h{e.note ? ` · ${e.note}` : ''}
        </Text>
      ))}
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Record effort">
        <Stack gap="xs" mt="sm">
          <Group grow align="flex-start">
            <NumberInput label="Hours" min={0.25} max={24} step={0.25} decimalScale={2} name="hours" value={form.values.hours} onChange={(v) => form.setValue('hours', v)} error={form.errors.hours} />
            <TextInput type="date" label="Day" {...form.textProps('workedOn')} />
          </Group>
          <TextInput label="On what (optional)" maxLength={1000} {...form.textProps('note')} />
          <Button type="submit" size="xs" variant="default" loading={record.isPending}>
            Record my hours
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
