import { ActionIcon, Badge, Box, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { addDays, newKey, type CheckInRow } from './plan-draft';

type Props = { rows: CheckInRow[]; today: string; errors: Record<string, string>; readOnly: boolean; onChange: (rows: CheckInRow[]) => void };

/** The check-in dates learner and supervisor agreed: each reminded by mail on its day, then marked held with a note. */
export function CheckInsSection({ rows, today, errors, readOnly, onChange }: Props) {
  const patch = (i: number, change: Partial<CheckInRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const last = rows.reduce((max, r) => (r.dueOn > max ? r.dueOn : max), today);
  return (
    <Box component="section" aria-labelledby="check-ins-heading">
      <Title order={2} size="h3" id="check-ins-heading">
        Check-ins
      </Title>
      <Text size="sm" c="gray.8" mb="sm">
        Both of you get a reminder by mail on the day. Mark it held and note what you agreed.
      </Text>
      <Stack gap="xs">
        {rows.length === 0 && <Text size="sm">No check-in planned.</Text>}
        {rows.map((row, i) => {
          const name = `Check-in ${i + 1}`;
          return (
            <Paper key={row.key} withBorder p="sm" radius="md" component="fieldset" aria-label={name} m={0}>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput type="date" label="Date" aria-label={`${name}: date`} value={row.dueOn} min={row.id ? undefined : today} error={errors[`checkIns.${i}.dueOn`] ?? errors[`checkIns.${i}.id`]} readOnly={readOnly} onChange={(e) => patch(i, { dueOn: e.currentTarget.value })} w={170} />
                <Checkbox label="Held" aria-label={`${name}: held`} checked={row.held} disabled={readOnly} onChange={(e) => patch(i, { held: e.currentTarget.checked })} mb={8} />
                {row.reminded && (
                  <Badge variant="light" color="gray.8" mb={6}>
                    Reminded
                  </Badge>
                )}
                {!readOnly && (
                  <ActionIcon variant="subtle" c="red.9" aria-label={`Remove ${name.toLowerCase()}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} mb={4}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                )}
              </Group>
              <Textarea label="Note" aria-label={`${name}: note`} value={row.note} autosize minRows={1} maxLength={2000} error={errors[`checkIns.${i}.note`]} readOnly={readOnly} onChange={(e) => patch(i, { note: e.currentTarget.value })} mt="xs" />
            </Paper>
          );
        })}
        {!readOnly && (
          <Group>
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => onChange([...rows, { key: newKey(), dueOn: addDays(last, 14), held: false, note: '', reminded: false }])}>
              Add a check-in
            </Button>
          </Group>
        )}
      </Stack>
    </Box>
  );
}
