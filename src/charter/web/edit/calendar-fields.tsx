import { ActionIcon, Button, Fieldset, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { timeZones } from '../../../app/web/time-zones';
import { weekdays, type Weekday } from '../../../service-levels/business-calendar-schema';
import { dayMinutes, formatDuration } from '../format-business-time';
import type { DraftForm } from './use-draft-form';
import { WeekHoursBar } from './week-hours-bar';

const dayNames: Record<Weekday, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

function DayFields({ form, day }: { form: DraftForm; day: Weekday }) {
  const periods = form.values.calendar.week[day] ?? [];
  const path = `calendar.week.${day}`;
  const total = dayMinutes(periods);
  return (
    <Fieldset legend={dayNames[day]} variant="filled" radius="md">
      <Stack gap={6}>
        <Group gap="xs" justify="space-between">
          <Text size="sm" c="gray.7">
            {periods.length === 0 ? 'Closed' : `${formatDuration(total)} of working time`}
          </Text>
        </Group>
        <WeekHoursBar periods={periods} />
        {periods.map((_, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput label="Starts" placeholder="09:00" w={96} {...form.text(`${path}.${i}.start`)} />
            <TextInput label="Ends" placeholder="17:00" w={96} {...form.text(`${path}.${i}.end`)} />
            <ActionIcon
              variant="default"
              mt={26}
              aria-label={`Remove ${dayNames[day]} period ${i + 1}`}
              onClick={() => form.set(path, periods.filter((__, j) => j !== i))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {form.errors[path] && (
          <Text c="red.8" size="sm">
            {form.errors[path]}
          </Text>
        )}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            aria-label={`Add a working period on ${dayNames[day]}`}
            onClick={() => form.set(path, [...periods, periods.length === 0 ? { start: '09:00', end: '17:00' } : { start: periods[periods.length - 1]?.end ?? '13:00', end: '24:00' }])}
          >
            Add a period
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function Holidays({ form }: { form: DraftForm }) {
  const holidays = form.values.calendar.holidays;
  const path = 'calendar.holidays';
  return (
    <Fieldset legend="Holidays" radius="md">
      <Stack gap="xs">
        <Text size="sm" c="gray.7">
          Closed all day; clocks wait until the next working day.
        </Text>
        <Table verticalSpacing={4} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holidays.map((_, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <TextInput type="date" aria-label={`Date of holiday ${i + 1}`} {...form.text(`${path}.${i}.date`)} />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Name of holiday ${i + 1}`} {...form.text(`${path}.${i}.name`)} />
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="default" aria-label={`Remove holiday ${i + 1}`} onClick={() => form.set(path, holidays.filter((__, j) => j !== i))}>
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.set(path, [...holidays, { date: '', name: '' }])}>
            Add a holiday
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Time zone, the working week (periods per day) and the holidays the clocks skip. */
export function CalendarFields({ form }: { form: DraftForm }) {
  const { calendar } = form.values;
  return (
    <Stack gap="md">
      <Select
        label="Time zone"
        description="Working hours and holidays are read in this time zone."
        data={timeZones(calendar.timeZone)}
        value={calendar.timeZone}
        onChange={(v) => v && form.set('calendar.timeZone', v)}
        searchable
        limit={60}
        allowDeselect={false}
        nothingFoundMessage="Unknown time zone"
        error={form.errors['calendar.timeZone']}
        maw={360}
      />
      <Fieldset legend="Working week" radius="md">
        <Stack gap="sm">
          {form.errors['calendar.week'] && (
            <Text c="red.8" size="sm">
              {form.errors['calendar.week']}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {weekdays.map((day) => (
              <DayFields key={day} form={form} day={day} />
            ))}
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Holidays form={form} />
    </Stack>
  );
}
