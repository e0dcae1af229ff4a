import { ActionIcon, Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useBusinessUnits } from '../../people/web/people-api';
import { PersonSelect } from '../../people/web/person-select';
import { newKey, type Draft } from './workshop-draft';

type Props = { draft: Draft; errors: Record<string, string>; readOnly: boolean; onChange: (patch: Partial<Draft>) => void };

/** Step 1: whose customers, what for, when, who facilitates and who takes part. */
export function PrepareSection({ draft, errors, readOnly, onChange }: Props) {
  const units = useBusinessUnits();
  const setParticipant = (key: string, patch: Partial<Draft['participants'][number]>) => onChange({ participants: draft.participants.map((p) => (p.key === key ? { ...p, ...patch } : p)) });
  return (
    <Stack gap="sm">
      <TextInput label="Title" required readOnly={readOnly} value={draft.title} maxLength={200} error={errors.title} onChange={(e) => onChange({ title: e.currentTarget.value })} />
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label="Business unit"
          description="Whose customers the workshop follows."
          clearable
          readOnly={readOnly}
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={draft.businessUnitId}
          error={errors.businessUnitId}
          onChange={(v) => onChange({ businessUnitId: v })}
        />
        <TextInput label="Process (optional)" description="The process mapped, e.g. “a billing complaint”." readOnly={readOnly} value={draft.process} maxLength={200} error={errors.process} onChange={(e) => onChange({ process: e.currentTarget.value })} />
      </Group>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput label="Held on" type="date" required readOnly={readOnly} value={draft.heldOn} error={errors.heldOn} onChange={(e) => onChange({ heldOn: e.currentTarget.value })} />
        {readOnly ? (
          <TextInput label="Facilitator" readOnly value={draft.facilitatorName} />
        ) : (
          <PersonSelect label="Facilitator" description="Who guides the workshop." placeholder="Choose a person" value={draft.facilitatorId} initialLabel={draft.facilitatorName} error={errors.facilitatorId} onChange={(id) => onChange({ facilitatorId: id })} />
        )}
      </Group>
      <Textarea
        label="What the workshop is for"
        description="The service pain the unit was called about, in the customer’s words."
        autosize
        minRows={2}
        readOnly={readOnly}
        value={draft.purpose}
        maxLength={2000}
        error={errors.purpose}
        onChange={(e) => onChange({ purpose: e.currentTarget.value })}
      />
      <Title order={3} size="h5" mt="sm" id="participants-heading">
        Participants
      </Title>
      {errors.participants && (
        <Text c="red.9" size="sm" role="alert">
          {errors.participants}
        </Text>
      )}
      <Stack gap="xs" role="group" aria-labelledby="participants-heading">
        {draft.participants.map((p, i) => (
          <Group key={p.key} align="flex-start" wrap="wrap">
            {readOnly ? (
              <TextInput label={`Participant ${i + 1}`} readOnly value={p.name} style={{ flex: '1 1 220px' }} />
            ) : (
              <div style={{ flex: '1 1 220px' }}>
                <PersonSelect label={`Participant ${i + 1}`} description="Someone who lives the customer’s journey." placeholder="Choose a person" value={p.personId} initialLabel={p.name} error={errors[`participants.${i}.personId`]} onChange={(id) => setParticipant(p.key, { personId: id })} />
              </div>
            )}
            <TextInput label="What they bring" readOnly={readOnly} value={p.contribution} maxLength={200} style={{ flex: '1 1 220px' }} onChange={(e) => setParticipant(p.key, { contribution: e.currentTarget.value })} />
            {!readOnly && (
              <ActionIcon variant="subtle" color="red.9" mt={30} aria-label={`Remove participant ${i + 1}`} onClick={() => onChange({ participants: draft.participants.filter((x) => x.key !== p.key) })}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && (
          <Group>
            <Button variant="default" size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange({ participants: [...draft.participants, { key: newKey(), personId: null, name: '', contribution: '' }] })}>
              Add a participant
            </Button>
          </Group>
        )}
      </Stack>
    </Stack>
  );
}
