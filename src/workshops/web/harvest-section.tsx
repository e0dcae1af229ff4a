import { ActionIcon, Badge, Button, Card, Group, List, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { TermForm } from '../../glossary/web/term-form';
import { opportunityKindLabels, opportunityKinds, type OpportunityKind } from '../workshop-values';
import { newKey, type Draft } from './workshop-draft';
import { useHarvestWord, type WorkshopView } from './workshops-api';

type Props = { draft: Draft; errors: Record<string, string>; readOnly: boolean; onChange: (patch: Partial<Draft>) => void };

const momentOptions = (draft: Draft) => [{ value: '', label: 'The whole journey' }, ...draft.moments.map((m, i) => ({ value: m.key, label: `${i + 1}. ${m.name || 'A moment without a name'}` }))];
const kindOptions = opportunityKinds.map((k) => ({ value: k, label: opportunityKindLabels[k] }));

/** Step 4 (CX-3): improvement opportunities, training or not, at a moment or for the whole journey. */
export function OpportunitiesSection({ draft, errors, readOnly, onChange }: Props) {
  const patch = (key: string, change: Partial<Draft['opportunities'][number]>) => onChange({ opportunities: draft.opportunities.map((o) => (o.key === key ? { ...o, ...change } : o)) });
  return (
    <Stack gap="sm">
      {errors.opportunities && (
        <Text c="red.9" size="sm" role="alert">
          {errors.opportunities}
        </Text>
      )}
      {draft.opportunities.map((o, i) => {
        const locked = readOnly || o.requested;
        return (
          <Card key={o.key} withBorder radius="md" padding="sm">
            <Group align="flex-start" wrap="wrap">
              <Select label={`Where (opportunity ${i + 1})`} readOnly={locked} data={momentOptions(draft)} value={o.momentKey ?? ''} allowDeselect={false} error={errors[`opportunities.${i}.moment`]} onChange={(v) => patch(o.key, { momentKey: v || null })} style={{ flex: '1 1 200px' }} />
              <Select label={`What it would change (opportunity ${i + 1})`} required readOnly={locked} data={kindOptions} value={o.kind || null} placeholder="Choose" error={errors[`opportunities.${i}.kind`]} onChange={(v) => patch(o.key, { kind: (v ?? '') as OpportunityKind | '' })} style={{ flex: '1 1 200px' }} />
              {!locked && (
                <ActionIcon variant="subtle" color="red.9" mt={30} aria-label={`Remove opportunity ${i + 1}`} onClick={() => onChange({ opportunities: draft.opportunities.filter((x) => x.key !== o.key) })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
            <Textarea mt="xs" label={`Opportunity ${i + 1}`} required readOnly={locked} autosize minRows={2} maxLength={2000} value={o.description} error={errors[`opportunities.${i}.description`] ?? errors[`opportunities.${i}.id`]} onChange={(e) => patch(o.key, { description: e.currentTarget.value })} />
            {o.requested && (
              <Badge mt="xs" variant="light" color="teal" c="teal.9">
                Became a request
              </Badge>
            )}
          </Card>
        );
      })}
      {!readOnly && (
        <Group>
          <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange({ opportunities: [...draft.opportunities, { key: newKey(), momentKey: null, kind: '', description: '', requested: false }] })}>
            Add an opportunity
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Step 4 (CX-3): anecdotes and real stories, reusable to tailor a course. */
export function StoriesSection({ draft, errors, readOnly, onChange }: Props) {
  const patch = (key: string, change: Partial<Draft['stories'][number]>) => onChange({ stories: draft.stories.map((s) => (s.key === key ? { ...s, ...change } : s)) });
  return (
    <Stack gap="sm">
      {draft.stories.map((s, i) => (
        <Card key={s.key} withBorder radius="md" padding="sm">
          <Group align="flex-start" wrap="wrap">
            <Select label={`Where (story ${i + 1})`} readOnly={readOnly} data={momentOptions(draft)} value={s.momentKey ?? ''} allowDeselect={false} error={errors[`stories.${i}.moment`]} onChange={(v) => patch(s.key, { momentKey: v || null })} style={{ flex: '1 1 200px' }} />
            <TextInput label={`Told by (story ${i + 1}, optional)`} description="As the teller wants to be quoted." readOnly={readOnly} value={s.toldBy} maxLength={200} error={errors[`stories.${i}.toldBy`]} onChange={(e) => patch(s.key, { toldBy: e.currentTarget.value })} style={{ flex: '1 1 200px' }} />
            {!readOnly && (
              <ActionIcon variant="subtle" color="red.9" mt={30} aria-label={`Remove story ${i + 1}`} onClick={() => onChange({ stories: draft.stories.filter((x) => x.key !== s.key) })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
          <Textarea mt="xs" label={`Story ${i + 1}`} required readOnly={readOnly} autosize minRows={2} maxLength={4000} value={s.story} error={errors[`stories.${i}.story`] ?? errors[`stories.${i}.id`]} onChange={(e) => patch(s.key, { story: e.currentTarget.value })} />
        </Card>
      ))}
      {draft.stories.length === 0 && <Text size="sm">No story yet.</Text>}
      {!readOnly && (
        <Group>
          <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange({ stories: [...draft.stories, { key: newKey(), momentKey: null, story: '', toldBy: '' }] })}>
            Add a story
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Step 4 (CX-3, FB-3): the organization's own words, saved straight into the glossary. */
export function WordsSection({ workshop }: { workshop: WorkshopView }) {
  const harvest = useHarvestWord(workshop.id);
  return (
    <Stack gap="sm">
      {workshop.words.length === 0 ? (
        <Text size="sm">No word harvested yet.</Text>
      ) : (
        <List spacing={4}>
          {workshop.words.map((t) => (
            <List.Item key={t.id}>
              <Text span fw={600}>
                {t.term}
              </Text>
              : {t.definition}
            </List.Item>
          ))}
        </List>
      )}
      {workshop.canEdit && (
        <Card withBorder radius="md" padding="sm">
          <Title order={4} size="h6" mb="xs">
            Harvest a word
          </Title>
          <TermForm submitLabel="Add to the glossary" pending={harvest.isPending} error={harvest.error} onSubmit={(input, form) => harvest.mutate(input, { onSuccess: form.reset, onError: (e) => void form.applyProblem(e) })} />
        </Card>
      )}
    </Stack>
  );
}
