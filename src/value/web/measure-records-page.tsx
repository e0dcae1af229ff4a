import { Anchor, Badge, Box, Button, Group, Paper, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCalendarEvent, IconDownload, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../app/web/components/page-header';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { EmptyState } from '../../app/web/components/empty-state';
import { PaginationBar } from '../../app/web/components/pagination-bar';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { useUnit } from '../../app/web/hooks/use-unit';
import { formatPeriod } from '../../app/web/report-period';
import { recordsCsvHref, useMeasureRecords, type RecordsView } from './value-api';
import { valueQueryFromUrl } from './value-query';
import { basisText, figureText } from './value-format';

const splitNames = { businessUnit: 'business unit', goal: 'strategic goal' } as const;

function Records({ view, onPage }: { view: RecordsView; onPage: (page: number) => void }) {
  const { measure } = view;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" align="baseline" wrap="wrap">
          <Text fz={28} fw={700}>
            {figureText(measure.kind, view.figure)}
          </Text>
          <Text c="gray.7">{basisText(measure.counted, view.figure)}</Text>
          {view.figure.tooFew && view.figure.basis > 0 && (
            <Badge color="gray" c="dark.7" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              Too few to judge
            </Badge>
          )}
        </Group>
        <Text fw={600} mt="xs">
          {formatPeriod(view.from, view.to)} · {view.businessUnit?.name ?? 'All business units'}
          {measure.notSplitBy.length > 0 ? ` · whole organization: not split by ${measure.notSplitBy.map((s) => splitNames[s]).join(' or ')}` : ''}
        </Text>
        <Text size="sm" mt="xs">
          <strong>How it is computed:</strong> {measure.definition}
        </Text>
        <Text size="sm" c="gray.7">
          From: {measure.events.join('; ')}.
        </Text>
      </Paper>
      {view.total === 0 ? (
        <EmptyState icon={<IconCalendarEvent size={24} />} title="Nothing behind this figure">
          No records in this period{view.businessUnit ? ' for this business unit' : ''}.
        </EmptyState>
      ) : (
        <>
          <ScrollTable minWidth={720} label={`The records behind ${measure.title}`}>
            <Table striped verticalSpacing="xs">
              <Table.Caption>The records behind the figure, in the order they happened — never ranked.</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {view.columns.map((c) => (
                    <Table.Th key={c.key} scope="col">
                      {c.label}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" className="stride-no-print">
                    <VisuallyHidden>Open</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.rows.map((row, i) => (
                  <Table.Tr key={i}>
                    {view.columns.map((c) => (
                      <Table.Td key={c.key}>{row.cells[c.key] ?? '—'}</Table.Td>
                    ))}
                    <Table.Td className="stride-no-print">
                      {row.href && (
                        <Anchor component={Link} to={row.href} c="blue.9" size="sm">
                          Open
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Box className="stride-no-print">
            <PaginationBar page={view.page} pageSize={view.pageSize} total={view.total} onChange={onPage} noun="records" />
          </Box>
        </>
      )}
    </Stack>
  );
}

/** VA-2: the records behind one figure of the dashboard, with its definition, as CSV too (VA-3). */
export function MeasureRecordsPage() {
  const { key = '' } = useParams();
  const { params, update, page } = useUrlFilters();
  const unit = useUnit();
  const ready = !unit.isPending;
  const { query } = valueQueryFromUrl(params, unit.data?.timeZone ?? 'UTC');
  const view = useMeasureRecords(key, ready ? query : null, page);
  const back = new URLSearchParams(params);
  back.delete('page');
  const title = view.data ? `Behind the figure: ${view.data.measure.title}` : 'Behind the figure';

  return (
    <Box className="stride-print-document">
      <PageHeader
        title={title}
        above={
          <Anchor component={Link} to={`/value${back.toString() ? `?${back}` : ''}`} c="blue.9" size="sm" className="stride-no-print">
            <IconArrowLeft size={14} aria-hidden /> The value dashboard
          </Anchor>
        }
        actions={
          <>
            <Button component="a" href={query ? recordsCsvHref(key, query) : undefined} disabled={!query} variant="default" leftSection={<IconDownload size={16} aria-hidden />} className="stride-no-print">
              Download CSV
            </Button>
            <Button onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />} className="stride-no-print">
              Print
            </Button>
          </>
        }
      />
      {!ready || (query && view.isPending) ? (
        <Skeleton height={300} radius="md" role="status" aria-label="Loading the records" />
      ) : !query ? (
        <EmptyState icon={<IconCalendarEvent size={24} />} title="The period in the address is not a period">
          Go back to the dashboard and choose a period there.
        </EmptyState>
      ) : view.isError ? (
        <ErrorAlert error={view.error} title="The records cannot be loaded" />
      ) : view.data ? (
        <Records view={view.data} onPage={(p) => update({ page: String(p) }, false)} />
      ) : null}
    </Box>
  );
}
