import { Box, Grid, Select, TextInput } from '@mantine/core';
import { periodLabels, periodPresets, type Period, type PeriodKind } from './compliance-period';
import type { PeriodErrors } from './compliance-query';

type Option = { value: string; label: string };

type Props = {
  period: Period;
  errors: PeriodErrors;
  unitId: string | null;
  levelKey: string | null;
  units: Option[];
  levels: Option[];
  onChange: (changes: Record<string, string | null>) => void;
};

const periodOptions = [...periodPresets, 'custom' as const].map((value) => ({ value, label: periodLabels[value] }));

/** The report's filters; the page keeps them in the URL, so a report can be shared as a link. */
export function ComplianceFilters({ period, errors, unitId, levelKey, units, levels, onChange }: Props) {
  const custom = period.kind === 'custom';
  const choosePeriod = (kind: PeriodKind) =>
    // Switching to custom dates starts from the period on screen, ready to adjust.
    onChange(kind === 'custom' ? { period: 'custom', from: period.from, to: period.to } : { period: kind, from: null, to: null });
  // 24 columns: three equal filters, or the period and its two days beside the other two.
  const wide = custom ? 6 : 8;

  return (
    <Box component="form" role="search" aria-label="Filter the report" mb="md" className="stride-no-print" onSubmit={(e) => e.preventDefault()}>
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
          <Select
            label="Business unit"
            placeholder="All business units"
            data={units}
            value={unitId}
            onChange={(v) => onChange({ unit: v })}
            searchable
            clearable
            nothingFoundMessage="No business unit matches"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 24, sm: custom ? 24 : 12, md: wide }}>
          <Select
            label="Service level"
            placeholder="All service levels"
            data={levels}
            value={levelKey}
            onChange={(v) => onChange({ level: v })}
            searchable
            clearable
            nothingFoundMessage="No service level matches"
          />
        </Grid.Col>
      </Grid>
    </Box>
  );
}
