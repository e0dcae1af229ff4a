import { Badge, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { roleLabels, roles } from '../../../platform/auth/roles';
import type { CharterDraft } from '../../charter-schema';
import { clockInWords } from '../describe-clock';
import { workingDayMinutes } from '../format-business-time';
import { TargetInput } from './target-input';
import type { DraftForm } from './use-draft-form';

type Level = CharterDraft['serviceLevels'][number];

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** The clock's wiring in words; it stays as it is until editing events comes in a later increment. */
function ClockWiring({ level }: { level: Level }) {
  const clock = clockInWords(level);
  const match = Object.entries(level.attributeMatch ?? {}).map(([key, value]) => `${key} is ${value}`);
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Badge variant="light" color="gray" size="sm">
          {level.subjectType}
        </Badge>
        <Text size="xs" c="gray.7">
          {level.key}
          {match.length > 0 ? ` · only when ${match.join(' and ')}` : ''}
        </Text>
      </Group>
      <Text size="sm">
        <strong>Starts:</strong> {clock.starts}. <strong>Stops:</strong> {clock.stops}.{clock.pauses ? <> <strong>Pauses:</strong> {clock.pauses}.</> : null}
      </Text>
    </Stack>
  );
}

function LevelFields({ form, level, index, workingDay }: { form: DraftForm; level: Level; index: number; workingDay: number }) {
  const path = (field: string) => `serviceLevels.${index}.${field}`;
  const sharePercent = Number.isFinite(level.atRiskShare) ? Math.round(level.atRiskShare * 100) : '';
  return (
    <Fieldset legend={level.name || `Service level ${index + 1}`} radius="md">
      <Stack gap="xs">
        <ClockWiring level={level} />
        <TextInput label="Name" {...form.text(path('name'))} />
        <Textarea label="Description" description="The promise in the words a customer reads." autosize minRows={2} {...form.text(path('description'))} />
        <TargetInput minutes={level.targetBusinessMinutes} workingDay={workingDay} error={form.errors[path('targetBusinessMinutes')]} onChange={(minutes) => form.set(path('targetBusinessMinutes'), minutes)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput
            label="At risk at"
            description="Share of the target used before the owner is warned."
            suffix="%"
            value={sharePercent}
            onChange={(value) => form.set(path('atRiskShare'), value === '' ? Number.NaN : Number(value) / 100)}
            decimalScale={0}
            error={form.errors[path('atRiskShare')]}
          />
          <Select label="Owner" data={roleOptions} value={level.ownerRole} allowDeselect={false} onChange={(v) => v && form.set(path('ownerRole'), v)} error={form.errors[path('ownerRole')]} />
        </SimpleGrid>
        {(['key', 'subjectType', 'startEvent', 'stopEvents', 'pauseEvents', 'resumeEvents', 'attributeMatch'] as const)
          .map((field) => Object.entries(form.errors).find(([key]) => key === path(field) || key.startsWith(`${path(field)}.`))?.[1])
          .filter(Boolean)
          .map((message) => (
            <Text key={message} c="red.8" size="sm">
              {message}
            </Text>
          ))}
      </Stack>
    </Fieldset>
  );
}

/** Each service level's promise: name, words, target in working time, warning share, owner. */
export function ServiceLevelFields({ form }: { form: DraftForm }) {
  const workingDay = workingDayMinutes(form.values.calendar);
  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">
        Targets count working time on the calendar below: a working day is {workingDay > 0 ? `${workingDay / 60} hours` : 'not set (no working hours)'}. Which events start, stop and pause
        each clock stays as published.
      </Text>
      {form.values.serviceLevels.map((level, i) => (
        <LevelFields key={level.key || i} form={form} level={level} index={i} workingDay={workingDay} />
      ))}
      {form.values.serviceLevels.length === 0 && <Text size="sm">No service levels yet.</Text>}
    </Stack>
  );
}
