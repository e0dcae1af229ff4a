import { ActionIcon, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { knownClockEvents, knownSubjectTypes } from '../../../service-levels/known-clock-events';
import type { CharterDraft } from '../../charter-schema';
import { clockInWords } from '../describe-clock';
import type { DraftForm } from './use-draft-form';

// The clock of a service level as data (CH-2): which events start, stop, pause and resume it,
// chosen from the events Stride's capabilities actually record — a charter cannot promise to
// measure what nothing observes. The server checks the same rules (service-level-schema.ts).

type Level = CharterDraft['serviceLevels'][number];

const subjectLabels: Record<string, string> = {
  question: 'A question to the unit',
  'training-request': 'A training request',
  enrolment: 'An enrolment',
  'development-project': 'A development project',
  feedback: 'Feedback or a complaint',
  'problem-report': 'A courseware problem report',
};
const subjectOptions = knownSubjectTypes.map((type) => ({ value: type, label: subjectLabels[type] ?? type }));

const eventsOf = (subjectType: string) => knownClockEvents.filter((event) => event.subjectType === subjectType).map((event) => ({ value: event.type, label: event.label }));

type Props = { form: DraftForm; level: Level; index: number; keyEditable: boolean };

export function ClockWiringFields({ form, level, index, keyEditable }: Props) {
  const path = (field: string) => `serviceLevels.${index}.${field}`;
  const options = eventsOf(level.subjectType);
  // An event plays one part in a clock: what another list already holds is not offered again.
  const usedElsewhere = (list: 'stopEvents' | 'pauseEvents' | 'resumeEvents') =>
    new Set([level.startEvent, ...(['stopEvents', 'pauseEvents', 'resumeEvents'] as const).filter((other) => other !== list).flatMap((other) => level[other])]);
  const choices = (list: 'stopEvents' | 'pauseEvents' | 'resumeEvents') => options.filter((o) => !usedElsewhere(list).has(o.value) || level[list].includes(o.value));
  const listError = (list: string) => Object.entries(form.errors).find(([key]) => key === path(list) || key.startsWith(`${path(list)}.`))?.[1];
  const match = Object.entries(level.attributeMatch ?? {});
  const setMatch = (entries: [string, string][]) => form.set(path('attributeMatch'), entries.length ? Object.fromEntries(entries) : undefined);
  const words = clockInWords(level);

  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="Key"
          description={keyEditable ? 'Lower-case words joined by dots; it follows this promise across versions.' : 'Fixed once published: reports follow the promise across versions by it.'}
          readOnly={!keyEditable}
          {...form.text(path('key'))}
        />
        <Select
          label="Measures"
          data={subjectOptions}
          value={level.subjectType}
          allowDeselect={false}
          error={form.errors[path('subjectType')]}
          onChange={(value) => {
            if (!value || value === level.subjectType) return;
            // Events belong to a subject: choosing another subject starts the wiring afresh.
            form.set(`serviceLevels.${index}`, { ...level, subjectType: value, startEvent: eventsOf(value)[0]?.value ?? '', stopEvents: [], pauseEvents: [], resumeEvents: [], attributeMatch: undefined });
          }}
        />
        <Select label="Starts when" data={options} value={level.startEvent || null} allowDeselect={false} error={form.errors[path('startEvent')]} onChange={(value) => value && form.set(path('startEvent'), value)} />
        <MultiSelect searchable label="Stops when" description="The first of these stops it." data={choices('stopEvents')} value={level.stopEvents} error={listError('stopEvents')} onChange={(value) => form.set(path('stopEvents'), value)} />
        <MultiSelect searchable label="Pauses when" description="Optional: time waiting on the customer." data={choices('pauseEvents')} value={level.pauseEvents} error={listError('pauseEvents')} onChange={(value) => form.set(path('pauseEvents'), value)} />
        <MultiSelect searchable label="Runs again when" data={choices('resumeEvents')} value={level.resumeEvents} error={listError('resumeEvents')} onChange={(value) => form.set(path('resumeEvents'), value)} />
      </SimpleGrid>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          Only for
        </Text>
        {match.length === 0 && (
          <Text size="sm" c="gray.7">
            Every {subjectLabels[level.subjectType]?.toLowerCase().replace(/^(a|an) /, '') ?? level.subjectType}. Add a condition to promise something different, say, per channel.
          </Text>
        )}
        {match.map(([name, value], i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput label="Attribute" placeholder="channel" w={160} value={name} onChange={(e) => setMatch(match.map((entry, j) => (j === i ? [e.currentTarget.value, entry[1]] : entry)))} />
            <TextInput label="Is" placeholder="web" w={160} value={value} onChange={(e) => setMatch(match.map((entry, j) => (j === i ? [entry[0], e.currentTarget.value] : entry)))} />
            <ActionIcon variant="default" mt={26} aria-label={`Remove condition ${i + 1}`} onClick={() => setMatch(match.filter((_, j) => j !== i))}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        {listError('attributeMatch') && (
          <Text c="red.8" size="sm">
            {listError('attributeMatch')}
          </Text>
        )}
        <Group>
          <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setMatch([...match, ['', '']])}>
            Add a condition
          </Button>
        </Group>
      </Stack>
      <Text size="sm" c="gray.8">
        <strong>In words:</strong> starts when {words.starts.charAt(0).toLowerCase() + words.starts.slice(1) || '…'}; stops when {words.stops ? words.stops.charAt(0).toLowerCase() + words.stops.slice(1) : '… (choose at least one event)'}.
        {words.pauses ? ` Pauses when ${words.pauses.charAt(0).toLowerCase() + words.pauses.slice(1)}.` : ''}
      </Text>
    </Stack>
  );
}
