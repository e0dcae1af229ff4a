import { Button, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { roleLabels, roles } from '../../../platform/auth/roles';
import type { CharterDraft } from '../../charter-schema';
import { workingDayMinutes } from '../format-business-time';
import { ClockWiringFields } from './clock-wiring-fields';
import { TargetInput } from './target-input';
import type { DraftForm } from './use-draft-form';

type Level = CharterDraft['serviceLevels'][number];

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));

/** A new promise to fill in: a question's first response, the commonest kind, as the starting point. */
function newLevel(existing: readonly Level[]): Level {
  let n = existing.length + 1;
  while (existing.some((level) => level.key === `service-level-${n}`)) n += 1;
  return {
    key: `service-level-${n}`,
    name: '',
    description: '',
    subjectType: 'question',
    targetBusinessMinutes: 480,
    atRiskShare: 0.75,
    startEvent: 'question.asked',
    stopEvents: ['question.answered'],
    pauseEvents: [],
    resumeEvents: [],
    ownerRole: 'coordinator',
  };
}

type FieldsProps = { form: DraftForm; level: Level; index: number; workingDay: number; keyEditable: boolean; onRemove: () => void };

function LevelFields({ form, level, index, workingDay, keyEditable, onRemove }: FieldsProps) {
  const path = (field: string) => `serviceLevels.${index}.${field}`;
  const sharePercent = Number.isFinite(level.atRiskShare) ? Math.round(level.atRiskShare * 100) : '';
  const label = level.name || `Service level ${index + 1}`;
  return (
    <Fieldset legend={label} radius="md">
      <Stack gap="xs">
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
          <Select label="Owner" description="Warned before a breach when nobody is assigned." data={roleOptions} value={level.ownerRole} allowDeselect={false} onChange={(v) => v && form.set(path('ownerRole'), v)} error={form.errors[path('ownerRole')]} />
        </SimpleGrid>
        <Fieldset legend="The clock" variant="filled" radius="md">
          <ClockWiringFields form={form} level={level} index={index} keyEditable={keyEditable} />
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="subtle" color="red" c="red.9" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/**
 * Each service level's promise: name, words, target in working time, warning share, owner and its
 * clock. Levels can be added and removed; a removal only shapes the next version — clocks already
 * running keep the version they started under (CH-4).
 */
export function ServiceLevelFields({ form }: { form: DraftForm }) {
  const workingDay = workingDayMinutes(form.values.calendar);
  const levels = form.values.serviceLevels;
  // Keys of levels that existed when editing began: published promises keep their key.
  const [knownKeys] = useState(() => new Set(levels.map((level) => level.key)));
  // Stable row identities, so removing one level does not hand its inputs' state to the next.
  const [rows, setRows] = useState(() => ({ ids: levels.map((_, i) => i), next: levels.length }));
  const add = () => {
    setRows((r) => ({ ids: [...r.ids, r.next], next: r.next + 1 }));
    form.set('serviceLevels', [...levels, newLevel(levels)]);
  };
  const remove = (i: number) => {
    setRows((r) => ({ ...r, ids: r.ids.filter((_, j) => j !== i) }));
    form.set('serviceLevels', levels.filter((_, j) => j !== i));
  };
  return (
    <Stack gap="md">
      <Text size="sm" c="gray.7">
        Targets count working time on the calendar below: a working day is {workingDay > 0 ? `${workingDay / 60} hours` : 'not set (no working hours)'}. Changes apply to clocks that start after you
        publish; running clocks keep the version they started under.
      </Text>
      {levels.map((level, i) => (
        <LevelFields
          key={rows.ids[i] ?? `extra-${i}`}
          form={form}
          level={level}
          index={i}
          workingDay={workingDay}
          keyEditable={!knownKeys.has(level.key)}
          onRemove={() => remove(i)}
        />
      ))}
      {levels.length === 0 && <Text size="sm">No service levels yet.</Text>}
      {form.errors.serviceLevels && (
        <Text c="red.8" size="sm" role="alert">
          {form.errors.serviceLevels}
        </Text>
      )}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
          Add a service level
        </Button>
      </Group>
    </Stack>
  );
}
