import { Box, Button, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconDownload, IconPrinter } from '@tabler/icons-react';
import { PageHeader } from '../../app/web/components/page-header';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { EmptyState } from '../../app/web/components/empty-state';
import { PeriodFilters } from '../../app/web/components/period-filters';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { useUnit } from '../../app/web/hooks/use-unit';
import { useBusinessUnits } from '../../people/web/people-api';
import { formatPeriod } from '../../app/web/report-period';
import { dashboardCsvHref, recordsPageHref, useValueDashboard, type DashboardView } from './value-api';
import { valueQueryFromUrl } from './value-query';
import { MeasureCard } from './measure-card';
import { groupOrder, groupTitles } from './value-format';
import { useGoalOptions } from './value-goals';
import './value.css';

function Loading() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the dashboard">
      <Skeleton height={40} radius="md" />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Skeleton height={260} radius="md" />
        <Skeleton height={260} radius="md" />
        <Skeleton height={260} radius="md" />
      </SimpleGrid>
    </Stack>
  );
}

function Dashboard({ view, params, goalLabel }: { view: DashboardView; params: URLSearchParams; goalLabel: string | null }) {
  const groups = groupOrder.map((group) => ({ group, measures: view.measures.filter((m) => m.group === group) })).filter((g) => g.measures.length > 0);
  return (
    <Stack gap="xl">
      <Text fw={600}>
        {formatPeriod(view.from, view.to)} · {view.businessUnit?.name ?? 'All business units'}
        {goalLabel ? ` · ${goalLabel}` : ''}
        <Text span c="gray.7" fw={400} size="sm">
          {' '}
          (days in {view.timeZone.replaceAll('_', ' ')} time; trends by month, {view.months.length} months to the period’s end. Figures from fewer than {view.tooFewBelow} are flagged as too few to judge.)
        </Text>
      </Text>
      {groups.map(({ group, measures }) => (
        <section key={group} aria-labelledby={`value-${group}`}>
          <Title order={2} fz="lg" mb="sm" id={`value-${group}`}>
            {groupTitles[group]}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" className="stride-value-grid">
            {measures.map((m) => (
              <MeasureCard key={m.key} measure={m} recordsHref={recordsPageHref(m.key, params)} />
            ))}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}

/**
 * VA-1..3: how the unit knows it is worth its place — the charter's promises kept, objectives met
 * as learners and supervisors see them, the recommendation score, support and retention after the
 * event, requests solved without training, feedback handled and suggestions taken up — by period,
 * business unit and strategic goal, each with its definition, the records behind it, a CSV and a
 * print view for the executive meeting. Never a ranking of people or courses.
 */
export function ValuePage() {
  const { params, update } = useUrlFilters();
  const unit = useUnit();
  const units = useBusinessUnits();
  const goals = useGoalOptions();
  const ready = !unit.isPending;
  const { period, query, errors } = valueQueryFromUrl(params, unit.data?.timeZone ?? 'UTC');
  const view = useValueDashboard(ready ? query : null);
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const goalLabel = query?.goalId ? (goals.find((g) => g.value === query.goalId)?.label ?? 'One strategic goal') : null;

  return (
    <Box className="stride-value-page stride-print-document">
      <PageHeader
        title="The value of the unit"
        description="What the training unit promised and delivered: service levels kept, objectives met on the job, whether people would recommend what they attended, and what happened after. Click a figure for the records behind it."
        actions={
          <>
            <Button component="a" href={query ? dashboardCsvHref(query) : undefined} disabled={!query} variant="default" leftSection={<IconDownload size={16} aria-hidden />} className="stride-no-print">
              Download CSV
            </Button>
            <Button onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />} className="stride-no-print">
              Print
            </Button>
          </>
        }
      />
      <PeriodFilters
        label="Filter the dashboard"
        period={period}
        errors={errors}
        choices={[
          { param: 'unit', label: 'Business unit', placeholder: 'All business units', options: unitOptions, value: params.get('unit'), nothingFound: 'No business unit matches' },
          {
            param: 'goal',
            label: 'Strategic goal',
            placeholder: 'All strategic goals',
            emptyPlaceholder: 'No strategic goals kept yet',
            options: goals,
            value: params.get('goal'),
            nothingFound: 'No goal matches',
          },
        ]}
        onChange={update}
      />
      {!ready || (query && view.isPending) ? (
        <Loading />
      ) : !query ? (
        <EmptyState icon={<IconCalendarEvent size={24} />} title="Choose the period to look at">
          Correct the days shown in the filters above; the dashboard follows as soon as they make a period.
        </EmptyState>
      ) : view.isError ? (
        <ErrorAlert error={view.error} title="The dashboard cannot be loaded" />
      ) : view.data ? (
        <Dashboard view={view.data} params={params} goalLabel={goalLabel} />
      ) : null}
    </Box>
  );
}
