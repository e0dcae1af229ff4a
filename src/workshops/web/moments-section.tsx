import { ActionIcon, Badge, Box, Button, Card, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { newKey, type Draft, type MomentRow } from './workshop-draft';

type Props = { draft: Draft; errors: Record<string, string>; readOnly: boolean; onChange: (patch: Partial<Draft>) => void };

const blank = (): MomentRow => ({ key: newKey(), name: '', happensNow: '', shouldHappen: '', standardsNow: '', standardsNeeded: '', nonValueAdded: '' });

/** Step 2 (CX-1): the moments of truth, in the order the customer lives them. */
export function MapSection({ draft, errors, readOnly, onChange }: Props) {
  const moments = draft.moments;
  const set = (next: MomentRow[]) => onChange({ moments: next });
  const swap = (i: number, j: number) => {
    const next = [...moments];
    [next[i], next[j]] = [next[j]!, next[i]!];
    set(next);
  };
  return (
    <Stack gap="xs">
      {errors.moments && (
        <Text c="red.9" size="sm" role="alert">
          {errors.moments}
        </Text>
      )}
      <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {moments.map((m, i) => (
          <Group component="li" key={m.key} align="flex-start" wrap="nowrap" mb="xs">
            <Badge size="lg" radius="xl" variant="light" c="blue.9" mt={28} aria-hidden>
              {i + 1}
            </Badge>
            <TextInput
              label={`Moment ${i + 1}`}
              placeholder="e.g. The customer calls about a bill"
              readOnly={readOnly}
              required
              value={m.name}
              maxLength={200}
              error={errors[`moments.${i}.name`] ?? errors[`moments.${i}.id`]}
              style={{ flex: 1 }}
              onChange={(e) => set(moments.map((x) => (x.key === m.key ? { ...x, name: e.currentTarget.value } : x)))}
            />
            {!readOnly && (
              <Group gap={4} mt={28} wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={`Move moment ${i + 1} earlier`} disabled={i === 0} onClick={() => swap(i, i - 1)}>
                  <IconArrowUp size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={`Move moment ${i + 1} later`} disabled={i === moments.length - 1} onClick={() => swap(i, i + 1)}>
                  <IconArrowDown size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="subtle" color="red.9" aria-label={`Remove moment ${i + 1}`} onClick={() => set(moments.filter((x) => x.key !== m.key))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            )}
          </Group>
        ))}
      </Box>
      {moments.length === 0 && <Text size="sm">No moment of truth yet: start where the customer first meets the business unit.</Text>}
      {!readOnly && (
        <Group>
          <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => set([...moments, blank()])}>
            Add a moment of truth
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const analysisFields = [
  { key: 'happensNow', label: 'What happens now', required: true },
  { key: 'shouldHappen', label: 'What should happen', required: true },
  { key: 'standardsNow', label: 'Standards and measures present', required: false },
  { key: 'standardsNeeded', label: 'Standards and measures needed', required: false },
  { key: 'nonValueAdded', label: 'Non-value-added activities', description: 'What the customer would not pay for if they knew.', required: false },
] as const;

/** Step 3 (CX-2): for each moment, now and should, standards and measures, and waste. */
export function AnalyseSection({ draft, errors, readOnly, onChange }: Props) {
  const patch = (key: string, change: Partial<MomentRow>) => onChange({ moments: draft.moments.map((m) => (m.key === key ? { ...m, ...change } : m)) });
  if (draft.moments.length === 0) return <Text size="sm">Map the moments of truth first.</Text>;
  return (
    <Stack gap="md">
      {draft.moments.map((m, i) => (
        <Card key={m.key} withBorder radius="md" padding="md" component="section" aria-labelledby={`moment-${m.key}`}>
          <Title order={3} size="h5" id={`moment-${m.key}`} mb="xs">
            {i + 1}. {m.name || 'A moment without a name'}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {analysisFields.map((f) => (
              <Textarea
                key={f.key}
                label={f.label}
                description={'description' in f ? f.description : undefined}
                aria-label={`${f.label} at moment ${i + 1}`}
                required={f.required}
                readOnly={readOnly}
                autosize
                minRows={2}
                maxLength={f.key === 'happensNow' || f.key === 'shouldHappen' ? 4000 : 2000}
                value={m[f.key]}
                error={errors[`moments.${i}.${f.key}`]}
                onChange={(e) => patch(m.key, { [f.key]: e.currentTarget.value })}
              />
            ))}
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}
