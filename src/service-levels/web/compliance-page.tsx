import { Box, Button, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCircleCheck, IconDownload, IconGauge, IconPrinter } from '@tabler/icons-react';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { PeriodFilters } from '../../app/web/components/period-filters';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { useCharter } from '../../charter/web/charter-api';
import { workingDayMinutes } from '../../charter/web/format-business-time';
import { useBusinessUnits } from '../../people/web/people-api';
import { BreachesTable } from './breaches-table';
import { complianceCsvHref, useComplianceReport, type ComplianceReport } from './compliance-api';
import { instantFormat } from './compliance-format';
import { formatPeriod, periodFromUrl, todayIn } from '../../app/web/report-period';
import { buildComplianceQuery } from './compliance-query';
import { IdleServiceLevelCard, ServiceLevelCard } from './service-level-card';
import './compliance-print.css';

type Option = { value: string; label: string };

function ReportSkeleton() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the report">
      <Skeleton height={18} width="60%" />
      <Skeleton height={210} radius="md" />
      <Skeleton height={210} radius="md" />
      <TableSkeleton rows={4} label="Loading the breaches" />
    </Stack>
  );
}

type ReportProps = {
  report: ComplianceReport;
  charterTargets: Map<string, number>;
  workingDay: number;
  unitLabel: string;
  levelLabel: string;
  page: number;
  onPage: (page: number) => void;
};

function Report({ report, charterTargets, workingDay, unitLabel, levelLabel, page, onPage }: ReportProps) {
  const active = report.serviceLevels.filter((l) => l.total.started > 0);
  const idle = report.serviceLevels.filter((l) => l.total.started === 0);
  const targetsOf = (key: string) => {
    const target = charterTargets.get(key);
    return target === undefined ? [] : [target];
  };
  return (
    <Stack gap="xl">
      <Box>
        <Text fw={600}>
          Clocks started {formatPeriod(report.from, report.to)} · {unitLabel} · {levelLabel}
        </Text>
        <Text size="sm" c="gray.7">
          Days and times in {report.timeZone.replaceAll('_', ' ')} time, the charter calendar’s. Figures as of {instantFormat(report.timeZone)(report.generatedAt)}.
        </Text>
      </Box>

      <Box component="section" aria-labelledby="compliance-levels">
        <Title order={2} fz="xl" mb="sm" id="compliance-levels">
          Service levels
        </Title>
        {report.serviceLevels.length === 0 ? (
          <EmptyState icon={<IconGauge size={24} />} title="No service levels to report">
            No charter is in force and no clock started in this period.
          </EmptyState>
        ) : (
          <Stack gap="md">
            {active.map((level) => (
              <ServiceLevelCard key={level.key} level={level} charterTargets={targetsOf(level.key)} workingDay={workingDay} />
            ))}
            {idle.length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                {idle.map((level) => (
                  <IdleServiceLevelCard key={level.key} level={level} charterTargets={targetsOf(level.key)} workingDay={workingDay} />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        )}
      </Box>

      <Box component="section" aria-labelledby="compliance-breaches">
        <Title order={2} fz="xl" mb="sm" id="compliance-breaches">
          Breaches
        </Title>
        {report.breaches.length === 0 ? (
          <Paper withBorder radius="md">
            <EmptyState icon={<IconCircleCheck size={24} />} title="No breaches in this period">
              Every clock that started in this period met its target or is still within it.
            </EmptyState>
          </Paper>
        ) : (
          <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
            <BreachesTable report={report} workingDay={workingDay} page={page} onPage={onPage} />
          </Paper>
        )}
      </Box>
    </Stack>
  );
}

/**
 * CH-3: how the unit kept its charter's promises over a period — per service level, the share of
 * clocks that met their target, the time they took, and every breach with its cause — for a
 * business unit or all of them, on screen, on paper and as CSV. Filters live in the URL.
 */
export function CompliancePage() {
  const { params, update, page } = useUrlFilters();
  const charter = useCharter();
  const units = useBusinessUnits();
  // Presets name days in the charter calendar's time zone, as the server reads them; wait for it.
  const ready = !charter.isPending;
  const timeZone = charter.data?.calendar.timeZone ?? 'UTC';
  const period = periodFromUrl(params, todayIn(timeZone));
  const unitId = params.get('unit');
  const levelKey = params.get('level');
  const { query, errors } = buildComplianceQuery(period, unitId, levelKey);
  const report = useComplianceReport(ready ? query : null);

  const unitOptions: Option[] = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  const levelOptions: Option[] = (charter.data?.serviceLevels ?? []).map((l) => ({ value: l.key, label: l.name }));
  // A level of an earlier charter, from a shared link, stays choosable rather than vanishing.
  if (levelKey && !levelOptions.some((o) => o.value === levelKey)) levelOptions.push({ value: levelKey, label: levelKey });
  const charterTargets = new Map((charter.data?.serviceLevels ?? []).map((l) => [l.key, l.targetMinutes]));
  const workingDay = charter.data ? workingDayMinutes(charter.data.calendar) : 0;
  const unitLabel = query?.businessUnitId ? (unitOptions.find((o) => o.value === query.businessUnitId)?.label ?? 'One business unit') : 'All business units';
  const levelLabel = query?.serviceLevelKey ? (levelOptions.find((o) => o.value === query.serviceLevelKey)?.label ?? query.serviceLevelKey) : 'All service levels';

  return (
    <Box className="stride-compliance-report stride-print-document">
      <PageHeader
        title="Service-level compliance"
        description="How well the unit kept the promises of its charter: for each service level, the share of clocks that met their target, the working time they took, and every breach with its cause."
        actions={
          <>
            {query ? (
              <Button component="a" href={complianceCsvHref(query)} variant="default" leftSection={<IconDownload size={16} aria-hidden />} className="stride-no-print">
                Download CSV
              </Button>
            ) : (
              <Button variant="default" disabled leftSection={<IconDownload size={16} aria-hidden />} className="stride-no-print">
                Download CSV
              </Button>
            )}
            <Button onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />} className="stride-no-print">
              Print
            </Button>
          </>
        }
      />
      <PeriodFilters
        label="Filter the report"
        period={period}
        errors={errors}
        choices={[
          { param: 'unit', label: 'Business unit', placeholder: 'All business units', options: unitOptions, value: unitId, nothingFound: 'No business unit matches' },
          { param: 'level', label: 'Service level', placeholder: 'All service levels', options: levelOptions, value: levelKey, nothingFound: 'No service level matches' },
        ]}
        onChange={update}
      />
      {!ready || (query && report.isPending) ? (
        <ReportSkeleton />
      ) : !query ? (
        <EmptyState icon={<IconCalendarEvent size={24} />} title="Choose the period to report on">
          Correct the days shown in the filters above; the report follows as soon as they make a period.
        </EmptyState>
      ) : report.isError ? (
        <ErrorAlert error={report.error} title="The report cannot be loaded" />
      ) : report.data ? (
        <Report
          report={report.data}
          charterTargets={charterTargets}
          workingDay={workingDay}
          unitLabel={unitLabel}
          levelLabel={levelLabel}
          page={page}
          onPage={(p) => update({ page: String(p) }, false)}
        />
      ) : null}
    </Box>
  );
}
