import { Box, Grid, Select, TextInput } from '@mantine/core';
import { periodLabels, periodPresets, type Period, type PeriodKind } from '../../service-levels/web/compliance-period';
import type { PeriodErrors } from './value-query';

type Option = { value: string; label: string };

type Props = {
  period: Period;
  errors: PeriodErrors;
  unitId: string | null;
  goalId: string | null;
  units: Option[];
  goals: Option[];
  onChange: (changes: Record<string, string | null>) => void;
};

const periodOptions = [...periodPresets, 'custom' as const].map((value) => ({ value, label: periodLabels[value] }));

/** The dashboard's filters, kept in the URL by the page so a view can be shared as a link. */
export function ValueFilters({ period, errors, unitId, goalId, units, goals, onChange }: Props) {
  const custom = period.kind === 'custom';
  const choosePeriod = (kind: PeriodKind) => onChange(kind === 'custom' ? { period: 'custom', from: period.from, to: period.to } : { period: kind, from: null, to: null });
  const wide = custom ? 6 : 8;
  return (
    <Box component="form" role="search" aria-label="Filter the dashboard" mb="md" className="stride-no-print" onSubmit={(e) => e.preventDefault()}>
      <Grid gutter="sm" columns={24}>
        <Grid.Col span={{ base: 24, sm: 12, md: wide }}>
          <Select label="Period" data={periodOptions} value={period.kind} onChange={(v) => v && choosePeriod(v as PeriodKind)} allowDeselect={false} />
        </Grid.Col>
        {custom && (
          <>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput type="date" label="From" value={period.from} error={errors.from} onChange={(e) => onChange({ period: 'custom', from: e.currentTarget.value || null })} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <TextInput type="date" label="To" value={period.to} error={errors.to} onChange={(e) => onChange({ period: 'custom', to: e.currentTarget.value || null })} />
            </Grid.Col>
          </>
        )}
        <Grid.Col span={{ base: 24, sm: 12, md: wide }}>
          <Select label="Business unit" placeholder="All business units" data={units} value={unitId} onChange={(v) => onChange({ unit: v })} searchable clearable nothingFoundMessage="No business unit matches" />
        </Grid.Col>
        <Grid.Col span={{ base: 24, sm: custom ? 24 : 12, md: wide }}>
          <Select
            label="Strategic goal"
            placeholder={goals.length ? 'All strategic goals' : 'No strategic goals kept yet'}
            data={goals}
            value={goalId}
            onChange={(v) => onChange({ goal: v })}
            disabled={goals.length === 0}
            searchable
            clearable
            nothingFoundMessage="No goal matches"
          />
        </Grid.Col>
      </Grid>
    </Box>
  );
}
