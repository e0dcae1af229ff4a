import { Box, Group, TextInput } from '@mantine/core';
import type { PeriodErrors, PeriodInput } from './effectiveness-period';

/** The period on completion dates, kept in the URL by the page, so a view can be shared as a link. */
export function PeriodFilter({ period, errors, onChange, label }: { period: PeriodInput; errors: PeriodErrors; onChange: (changes: Record<string, string | null>) => void; label: string }) {
  return (
    <Box component="form" role="search" aria-label={label} mb="md" className="stride-no-print" onSubmit={(e) => e.preventDefault()}>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput type="date" label="Completed from" value={period.from} error={errors.from} onChange={(e) => onChange({ from: e.currentTarget.value || null })} w={200} />
        <TextInput type="date" label="Completed to" value={period.to} error={errors.to} onChange={(e) => onChange({ to: e.currentTarget.value || null })} w={200} />
      </Group>
    </Box>
  );
}
