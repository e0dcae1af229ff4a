import { Button, Checkbox, Group, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { roleLabels, roles, type Role } from '../../platform/auth/roles';
import { personInput, type PersonDetail, type PersonInput } from '../people-schemas';
import { patch, post } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { PersonSelect } from './person-select';
import { peopleKeys, useBusinessUnits } from './people-api';
import { timeZones } from '../../app/web/time-zones';

export type PersonFormValues = {
  employeeId: string;
  name: string;
  email: string;
  jobTitle: string;
  businessUnitId: string | null;
  managerId: string | null;
  timeZone: string;
  locale: string;
  roles: Role[];
  active: boolean;
};

export const emptyPerson: PersonFormValues = {
  employeeId: '',
  name: '',
  email: '',
  jobTitle: '',
  businessUnitId: null,
  managerId: null,
  timeZone: 'UTC',
  locale: 'en',
  roles: [],
  active: true,
};

export function valuesOf(p: PersonDetail): PersonFormValues {
  return {
    employeeId: p.employeeId,
    name: p.name,
    email: p.email,
    jobTitle: p.jobTitle,
    businessUnitId: p.businessUnit?.id ?? null,
    managerId: p.manager?.id ?? null,
    timeZone: p.timeZone,
    locale: p.locale,
    roles: p.roles,
    active: p.active,
  };
}

const fields = Object.keys(emptyPerson);

type Props = {
  /** Editing this person; without it the form creates someone. */
  person?: PersonDetail;
  initial: PersonFormValues;
  onSaved: (saved: PersonDetail) => void;
};

export function PersonForm({ person, initial, onSaved }: Props) {
  const client = useQueryClient();
  const units = useBusinessUnits();
  const form = useZodForm<PersonFormValues>(initial);
  const { values, errors, setValue } = form;

  const save = useMutation({
    mutationFn: (input: PersonInput) => {
      if (!person) return post<PersonDetail>('/people', input);
      const { employeeId: _unchanged, ...changes } = input;
      return patch<PersonDetail>(`/people/${person.id}`, changes);
    },
    onSuccess: (saved) => {
      client.setQueryData(peopleKeys.detail(saved.id), saved);
      void client.invalidateQueries({ queryKey: peopleKeys.all });
      void client.invalidateQueries({ queryKey: ['org-chart'] });
      void client.invalidateQueries({ queryKey: peopleKeys.units });
      form.reset(valuesOf(saved));
      notifications.show({ color: 'teal', title: person ? 'Changes saved' : 'Person added', message: `${saved.name}'s record is up to date.` });
      onSaved(saved);
    },
    onError: (error) => form.applyProblem(error),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(personInput);
    if (input) save.mutate(input);
  };

  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label={person ? `Edit ${person.name}` : 'New person'}>
      <Stack gap="md">
        {save.error && <ErrorAlert error={save.error} formFields={fields} title="Not saved" />}
        {errors._form && <ErrorAlert error={new Error(errors._form)} title="Not saved" />}
        {!person && <TextInput label="Employee id" description="The stable id from HR; imports match on it." {...form.textProps('employeeId')} />}
        <TextInput label="Name" autoComplete="off" {...form.textProps('name')} />
        <TextInput label="E-mail" type="email" autoComplete="off" {...form.textProps('email')} />
        <TextInput label="Job title" {...form.textProps('jobTitle')} />
        <Select
          label="Business unit"
          placeholder={units.isPending ? 'Loading units…' : 'No unit'}
          data={unitOptions}
          value={values.businessUnitId}
          onChange={(v) => setValue('businessUnitId', v)}
          searchable
          clearable
          nothingFoundMessage="No unit matches"
          error={errors.businessUnitId}
        />
        <PersonSelect
          label="Manager"
          description="Type a name to search the directory."
          placeholder="No manager (top of the organization)"
          value={values.managerId}
          initialLabel={person?.manager?.name}
          onChange={(v) => setValue('managerId', v)}
          excludeId={person?.id}
          error={errors.managerId}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            label="Time zone"
            data={timeZones(values.timeZone)}
            value={values.timeZone}
            onChange={(v) => setValue('timeZone', v ?? 'UTC')}
            searchable
            limit={60}
            allowDeselect={false}
            nothingFoundMessage="Unknown time zone"
            error={errors.timeZone}
          />
          <TextInput label="Locale" description="e.g. en or fr-CA" {...form.textProps('locale')} />
        </SimpleGrid>
        <Checkbox.Group
          label="Roles"
          description="Everyone is a learner, and a supervisor of whoever reports to them; these are granted on top."
          value={values.roles}
          onChange={(v) => setValue('roles', v as Role[])}
          error={errors.roles}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {roles.map((r) => (
              <Checkbox key={r} value={r} label={roleLabels[r]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Switch
          label="Active"
          description="Inactive people cannot sign in and leave the org chart."
          checked={values.active}
          onChange={(e) => setValue('active', e.currentTarget.checked)}
          error={errors.active}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {person ? 'Save changes' : 'Add person'}
          </Button>
          {person && (
            <Button variant="default" onClick={() => form.reset(valuesOf(person))} disabled={save.isPending}>
              Undo changes
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
