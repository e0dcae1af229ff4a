import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Box, Button, Grid, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { useUnit } from '../../app/web/hooks/use-unit';
import { hasRole, useSession } from '../../app/web/hooks/use-session';
import { requestStaffRoles } from '../request-staff';
import { formatPeriod, periodFromUrl, periodLabels, periodPresets, todayIn, type PeriodKind } from '../../app/web/report-period';
import { portfolioQuery, type PortfolioQuery, type PortfolioRow, type PortfolioView } from '../portfolio-schemas';
import { portfolioCsvHref, usePortfolio } from './portfolio-api';

const periodOptions = [...periodPresets, 'custom' as const].map((value) => ({ value, label: periodLabels[value] }));
const percent = (part: number, of: number) => (of ? `${Math.round((part / of) * 100)} %` : '—');
const hours = (h: number) => (Math.round(h * 10) / 10).toLocaleString('en');

/**
 * RQ-7: where the unit's requests and effort go — by strategic goal and by business unit (prime
 * segments marked), and what share of decided requests ended without training. Period in the URL.
 */
export function PortfolioPage() {
  const { params, update } = useUrlFilters();
  const unit = useUnit();
  const { actor } = useSession();
  const period = periodFromUrl(params, todayIn(unit.data?.timeZone ?? 'UTC'), 'this-year');
  const parsed = portfolioQuery.safeParse({ from: period.from, to: period.to });
  const query: PortfolioQuery | null = !unit.isPending && parsed.success ? parsed.data : null;
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const view = usePortfolio(query);
  const choose = (kind: PeriodKind) => update(kind === 'custom' ? { period: 'custom', from: period.from, to: period.to } : { period: kind, from: null, to: null });

  return (
    <>
      <PageHeader
        above={
          // Leaders read the portfolio but not the unit's queue.
          hasRole(actor, ...requestStaffRoles) ? (
            <Anchor component={Link} to="/requests" size="sm">
              ← Requests
            </Anchor>
          ) : undefined
        }
        title="Portfolio"
        description="Requests and the unit’s effort by strategic goal and business unit, and how many decided requests ended without training."
        actions={
          <>
            <Button component={Link} to="/requests/goals" variant="default">
              Goals and segments
            </Button>
            <Button component="a" href={query ? portfolioCsvHref(query) : undefined} disabled={!query} variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              Download CSV
            </Button>
          </>
        }
      />
      <Box component="form" role="search" aria-label="Choose the period" mb="md" onSubmit={(e) => e.preventDefault()}>
        <Grid gutter="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label="Period" data={periodOptions} value={period.kind} onChange={(v) => v && choose(v as PeriodKind)} allowDeselect={false} />
          </Grid.Col>
          {period.kind === 'custom' && (
            <>
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <TextInput type="date" label="From" value={period.from} error={errors.from} onChange={(e) => update({ period: 'custom', from: e.currentTarget.value || null })} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <TextInput type="date" label="To" value={period.to} error={errors.to} onChange={(e) => update({ period: 'custom', to: e.currentTarget.value || null })} />
              </Grid.Col>
            </>
          )}
        </Grid>
      </Box>
      {!query ? (
        unit.isPending ? <Skeleton height={300} /> : <Text c="gray.7">Correct the days above to see the portfolio.</Text>
      ) : view.isPending ? (
        <Skeleton height={300} aria-label="Loading the portfolio" />
      ) : view.isError ? (
        <ErrorAlert error={view.error} title="The portfolio cannot be shown" />
      ) : (
        <Portfolio view={view.data} />
      )}
    </>
  );
}

function Portfolio({ view }: { view: PortfolioView }) {
  const t = view.totals;
  return (
    <Stack gap="xl">
      <Text fw={600}>{formatPeriod(view.from, view.to)}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure label="Requests submitted" value={String(t.requests)} />
        <Figure label="Hours recorded" value={hours(t.hours)} />
        <Figure label="Decided requests solved without training" value={t.nonTrainingShare === null ? '—' : `${Math.round(t.nonTrainingShare * 100)} %`} note={`${t.nonTraining} of ${t.decided} decisions accepted in the period`} />
      </SimpleGrid>
      <Breakdown id="by-goal" title="By strategic goal" rows={view.byGoal} mark={(r) => ('active' in r && !r.active ? <Badge color="gray" size="sm">Retired</Badge> : null)} />
      <Breakdown id="by-unit" title="By business unit" rows={view.byUnit} mark={(r) => ('prime' in r && r.prime ? <Badge color="grape" size="sm">Prime segment</Badge> : null)} />
    </Stack>
  );
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="gray.7">
          {note}
        </Text>
      )}
    </Paper>
  );
}

function Breakdown<R extends PortfolioRow>({ id, title, rows, mark }: { id: string; title: string; rows: R[]; mark: (r: R) => React.ReactNode }) {
  const data = rows.map((r) => ({ name: r.name, requests: r.requests, nonTraining: r.nonTraining, hours: Math.round(r.hours * 10) / 10 }));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb="sm">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="gray.7">Nothing in this period.</Text>
      ) : (
        <>
          {/* The table below carries the same figures for screen readers. */}
          <div aria-hidden>
            <BarChart
              h={Math.max(160, rows.length * 48)}
              data={data}
              dataKey="name"
              orientation="vertical"
              yAxisProps={{ width: 180 }}
              withLegend
              series={[
                { name: 'requests', label: 'Requests', color: 'blue.6' },
                { name: 'nonTraining', label: 'Solved without training', color: 'teal.6' },
                { name: 'hours', label: 'Hours', color: 'orange.6' },
              ]}
              textColor="gray.8"
              withTooltip={false}
              barChartProps={{ accessibilityLayer: false }}
            />
          </div>
          <ScrollTable minWidth={720} label={title}>
            <Table striped mt="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{id === 'by-goal' ? 'Goal' : 'Business unit'}</Table.Th>
                  <Table.Th>Requests submitted</Table.Th>
                  <Table.Th>Decisions accepted</Table.Th>
                  <Table.Th>Without training</Table.Th>
                  <Table.Th>Hours</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id ?? 'none'}>
                    <Table.Td>
                      {r.name} {mark(r)}
                    </Table.Td>
                    <Table.Td>{r.requests}</Table.Td>
                    <Table.Td>{r.decided}</Table.Td>
                    <Table.Td>
                      {r.nonTraining} ({percent(r.nonTraining, r.decided)})
                    </Table.Td>
                    <Table.Td>{hours(r.hours)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </Paper>
  );
}
