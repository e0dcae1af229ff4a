import { Box, Grid, Select, TextInput } from '@mantine/core';
import { periodLabels, periodPresets, type Period, type PeriodErrors, type PeriodKind } from '../report-period';

type Option = { value: string; label: string };

/** One choice beside the period: a business unit, a service level, a goal. `param` is its URL key. */
export type FilterChoice = {
  param: string;
  label: string;
  /** Shown when nothing is chosen ("All business units"). */
  placeholder: string;
  /** Shown instead when there is nothing to choose from, and the choice is disabled. */
  emptyPlaceholder?: string;
  options: Option[];
  value: string | null;
  nothingFound: string;
};

type Props = {
  /** Names the filter form for screen readers ("Filter the report"). */
  label: string;
  period: Period;
  errors: PeriodErrors;
  choices: [FilterChoice, FilterChoice];
  onChange: (changes: Record<string, string | null>) => void;
};

const periodOptions = [...periodPresets, 'custom' as const].map((value) => ({ value, label: periodLabels[value] }));

/** A report's filters: the period and two choices. The page keeps them in the URL, so a view can be shared as a link. */
export function PeriodFilters({ label, period, errors, choices, onChange }: Props) {
  const custom = period.kind === 'custom';
  const choosePeriod = (kind: PeriodKind) =>
    // Switching to custom dates starts from the period on screen, ready to adjust.
    onChange(kind === 'custom' ? { period: 'custom', from: period.from, to: period.to } : { period: kind, from: null, to: null });
  // 24 columns: three equal filters, or the period and its two days beside the other two.
  const wide = custom ? 6 : 8;
  const [first, second] = choices;

  const choice = (c: FilterChoice) => {
    const empty = c.options.length === 0 && c.emptyPlaceholder !== undefined;
    return (
      <Select
        label={c.label}
        placeholder={empty ? c.emptyPlaceholder : c.placeholder}
        data={c.options}
        value={c.value}
        onChange={(v) => onChange({ [c.param]: v })}
        disabled={empty}
        searchable
        clearable
        nothingFoundMessage={c.nothingFound}
      />
    );
  };

  return (
    <Box component="form" role="search" aria-label={label} mb="md" className="stride-no-print" onSubmit={(e) => e.preventDefault()}>
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
        <Grid.Col span={{ base: 24, sm: 12, md: wide }}>{choice(first)}</Grid.Col>
        <Grid.Col span={{ base: 24, sm: custom ? 24 : 12, md: wide }}>{choice(second)}</Grid.Col>
      </Grid>
    </Box>
  );
}
