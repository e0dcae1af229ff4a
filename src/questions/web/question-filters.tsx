import { Box, Grid, Select } from '@mantine/core';
import { questionChannels, questionStatuses } from '../schema';

export const statusLabels = { open: 'Open', answered: 'Answered', closed: 'Closed' } as const satisfies Record<(typeof questionStatuses)[number], string>;
export const channelLabels = { web: 'Web form', email: 'E-mail', phone: 'Phone' } as const satisfies Record<(typeof questionChannels)[number], string>;

type Props = {
  status: string | null;
  channel: string | null;
  assigneeId: string | null;
  staff: { value: string; label: string }[];
  onChange: (changes: Record<string, string | null>) => void;
};

/** The queue's filters; the page keeps them in the URL. */
export function QuestionFilters({ status, channel, assigneeId, staff, onChange }: Props) {
  return (
    <Box component="form" role="search" aria-label="Filter questions" mb="md" onSubmit={(e) => e.preventDefault()}>
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Status"
            placeholder="Any status"
            data={questionStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
            value={status}
            onChange={(v) => onChange({ status: v })}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select
            label="Channel"
            placeholder="Any channel"
            data={questionChannels.map((c) => ({ value: c, label: channelLabels[c] }))}
            value={channel}
            onChange={(v) => onChange({ channel: v })}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <Select label="Assignee" placeholder="Anyone" data={staff} value={assigneeId} onChange={(v) => onChange({ assignee: v })} searchable clearable nothingFoundMessage="No one matches" />
        </Grid.Col>
      </Grid>
    </Box>
  );
}
