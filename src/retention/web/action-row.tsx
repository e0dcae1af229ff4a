import { ActionIcon, Checkbox, Group, Paper, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { retentionActionKinds, retentionActionOwners } from '../retention-values';
import { kindLabels, ownerLabels } from './retention-api';
import type { ActionRow as Row } from './plan-draft';

const kinds = retentionActionKinds.map((k) => ({ value: k, label: kindLabels[k] }));
const owners = retentionActionOwners.map((o) => ({ value: o, label: ownerLabels[o] }));

type Props = {
  row: Row;
  /** "Action 2 of objective 1": names the row's inputs for screen readers. */
  name: string;
  index: number;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (patch: Partial<Row>) => void;
  onRemove: () => void;
};

/** One action: what kind, what exactly, who does it, by when, and whether it is done. */
export function ActionRowFields({ row, name, index, errors, readOnly, onChange, onRemove }: Props) {
  const err = (field: string) => errors[`actions.${index}.${field}`];
  return (
    <Paper withBorder p="sm" radius="md" component="fieldset" aria-label={name} m={0} data-testid="action-row">
      <Stack gap="xs">
        <Textarea label="What will be done" value={row.description} error={err('description')} autosize minRows={1} maxLength={1000} readOnly={readOnly} onChange={(e) => onChange({ description: e.currentTarget.value })} aria-label={`${name}: what will be done`} />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select label="Kind" data={kinds} value={row.kind} error={err('kind')} allowDeselect={false} readOnly={readOnly} onChange={(v) => v && onChange({ kind: v as Row['kind'] })} aria-label={`${name}: kind`} w={190} />
          <Select label="Who" data={owners} value={row.owner} error={err('owner')} allowDeselect={false} readOnly={readOnly} onChange={(v) => v && onChange({ owner: v as Row['owner'] })} aria-label={`${name}: who`} w={140} />
          <TextInput type="date" label="Due" value={row.dueOn} error={err('dueOn')} readOnly={readOnly} onChange={(e) => onChange({ dueOn: e.currentTarget.value })} aria-label={`${name}: due`} w={160} />
          <Checkbox label="Done" checked={row.done} disabled={readOnly} onChange={(e) => onChange({ done: e.currentTarget.checked })} aria-label={`${name}: done`} mb={8} />
          {!readOnly && (
            <ActionIcon variant="subtle" c="red.9" onClick={onRemove} aria-label={`Remove ${name.toLowerCase()}`} mb={4}>
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
