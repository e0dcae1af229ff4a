import { Anchor, Box, Paper, Table } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { usePageTitle } from '../../app/web/hooks/use-page-title';
import { withQuery } from '../../app/web/api';
import { useEffectiveCourses } from './effectiveness-api';
import { checkPeriod, lastTwelveMonths } from './effectiveness-period';
import { PeriodFilter } from './period-filter';
import './effectiveness-print.css';

/**
 * The way into AF-7 for coordinators: the courses with completions in a period, alphabetical by
 * title, each opening its effectiveness page for the same period. No counts, no order by a score:
 * a list to open, not a league table (VA-2).
 */
export function EffectivenessListPage() {
  usePageTitle('Effectiveness');
  const { params, update } = useUrlFilters();
  const fallback = lastTwelveMonths();
  const period = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  const checked = checkPeriod(period);
  const errors = { ...checked.errors, ...(!period.from ? { from: 'Give the first day.' } : {}), ...(!period.to ? { to: 'Give the last day.' } : {}) };
  const ready = checked.query && period.from && period.to ? { from: period.from, to: period.to } : null;
  const list = useEffectiveCourses(ready);

  return (
    <Box className="stride-effectiveness-page stride-print-document">
      <PageHeader title="Effectiveness" description="How each course worked after the event: objectives met as learners and supervisors see them, recommendation, follow-up responses and what followed. Choose a course with completions in the period." />
      <PeriodFilter period={period} errors={errors} onChange={update} label="Courses with completions in" />
      {!ready ? null : list.isPending ? (
        <TableSkeleton rows={4} label="Loading the courses" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The courses cannot be loaded" />
      ) : list.data.courses.length === 0 ? (
        <EmptyState icon={<IconChartBar size={24} />} title="No completions in this period">
          Choose a longer period, or one when sessions were completed.
        </EmptyState>
      ) : (
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          <ScrollTable minWidth={480} label="Courses with completions">
            <Table striped verticalSpacing="xs">
              <Table.Caption>Courses with completions from {ready.from} to {ready.to}, alphabetical by title.</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Course</Table.Th>
                  <Table.Th scope="col">Code</Table.Th>
                  <Table.Th scope="col">Format</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.courses.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={withQuery(`/courses/${c.id}/effectiveness`, ready)} c="blue.9">
                        {c.title}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{c.code}</Table.Td>
                    <Table.Td>{c.format}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </Paper>
      )}
    </Box>
  );
}
