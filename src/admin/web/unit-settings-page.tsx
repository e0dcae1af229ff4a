import { Button, Card, Grid, Group, Select, Skeleton, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { unitSettingsSchema, type UnitSettings } from '../../platform/settings/settings-schemas';
import { put } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { unitKey, useUnit } from '../../app/web/hooks/use-unit';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { timeZones } from '../../app/web/time-zones';

const fields = ['organizationName', 'unitName', 'contactEmail', 'contactPhone', 'location', 'officeHours', 'timeZone'];

function SettingsForm({ initial }: { initial: UnitSettings }) {
  const client = useQueryClient();
  const form = useZodForm<UnitSettings>(initial);
  const save = useMutation({
    mutationFn: (input: UnitSettings) => put<UnitSettings | undefined>('/unit', input),
    onSuccess: (saved, input) => {
      const next = saved ?? input;
      client.setQueryData(unitKey, next);
      form.reset(next);
      notifications.show({ color: 'teal', title: 'Settings saved', message: 'The new contact details show on every page.' });
    },
    onError: (error) => form.applyProblem(error),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(unitSettingsSchema);
    if (input) save.mutate(input);
  };

  return (
    <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Training unit settings">
      <Stack gap="md">
        {save.error && <ErrorAlert error={save.error} formFields={fields} title="Not saved" />}
        <TextInput label="Organization name" {...form.textProps('organizationName')} />
        <TextInput label="Unit name" description="How the training unit is called across Stride." {...form.textProps('unitName')} />
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Contact e-mail" type="email" {...form.textProps('contactEmail')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Contact phone" type="tel" {...form.textProps('contactPhone')} />
          </Grid.Col>
        </Grid>
        <TextInput label="Location" description="Building, floor or room where people can find you." {...form.textProps('location')} />
        <TextInput label="Office hours" placeholder="Mon–Fri 9:00–17:00" {...form.textProps('officeHours')} />
        <Select
          label="Time zone"
          description="Service levels are measured in this time zone."
          data={timeZones(form.values.timeZone)}
          value={form.values.timeZone}
          onChange={(v) => form.setValue('timeZone', v ?? form.values.timeZone)}
          searchable
          limit={60}
          allowDeselect={false}
          nothingFoundMessage="Unknown time zone"
          error={form.errors.timeZone}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save settings
          </Button>
          <Button variant="default" onClick={() => form.reset(initial)} disabled={save.isPending}>
            Undo changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function UnitSettingsPage() {
  const unit = useUnit();
  return (
    <>
      <PageHeader
        title="Settings"
        description="The training unit's name and how to reach it. These details appear in the footer of every page, including sign-in."
      />
      {unit.isPending ? (
        <Stack gap="md" role="status" aria-label="Loading settings" maw={640}>
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={56} />
          ))}
        </Stack>
      ) : unit.isError ? (
        <ErrorAlert error={unit.error} title="Settings cannot be loaded" />
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card withBorder radius="md" padding="lg">
              <SettingsForm initial={unit.data} />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <UnitContactCard />
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
