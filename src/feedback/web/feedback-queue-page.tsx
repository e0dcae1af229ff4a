import { Anchor, Badge, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { formatDateTime } from '../../app/web/format';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { ClockSummary } from '../../questions/web/clock-badge';
import { feedbackCategoryLabels } from '../feedback-schemas';
import { feedbackCategories, feedbackStatuses } from '../schema';
import { useFeedbackQueue, type Feedback } from './feedback-api';
import { statusColors, statusLabels } from './feedback-format';
import { FeedbackTrendChart } from './feedback-trend-chart';

/** The unit's feedback queue (FB-1) with each item's clock, and the trend above it. */
export function FeedbackQueuePage() {
  const { params, update } = useUrlFilters();
  const setFilter = (key: string, value: string) => update({ [key]: value || null });
  const filter = { status: (params.get('status') || undefined) as Feedback['status'] | undefined, category: (params.get('category') || undefined) as Feedback['category'] | undefined };
  const queue = useFeedbackQueue(filter);
  return (
    <Stack gap="lg">
      <PageHeader title="Feedback and complaints" description="What people tell the unit, how we handle it, and whether we keep the charter's promises while we do." />
      <FeedbackTrendChart />
      <Card withBorder radius="md" padding="lg">
        <Group mb="md" wrap="wrap">
          <Select label="State" placeholder="Any state" clearable data={feedbackStatuses.map((s) => ({ value: s, label: statusLabels[s] }))} value={filter.status ?? null} onChange={(v) => setFilter('status', v ?? '')} />
          <Select label="Category" placeholder="Any category" clearable data={feedbackCategories.map((c) => ({ value: c, label: feedbackCategoryLabels[c] }))} value={filter.category ?? null} onChange={(v) => setFilter('category', v ?? '')} />
        </Group>
        {queue.error && <ErrorAlert error={queue.error} />}
        {queue.isLoading && <TableSkeleton rows={5} />}
        {queue.data && queue.data.length === 0 && <EmptyState icon={<IconMoodEmpty aria-hidden />} title="Nothing here">No feedback matches these filters.</EmptyState>}
        {queue.data && queue.data.length > 0 && (
          <ScrollTable minWidth={820} label="Feedback">
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Feedback</Table.Th>
                  <Table.Th scope="col">Category</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Acknowledgement</Table.Th>
                  <Table.Th scope="col">Resolution</Table.Th>
                  <Table.Th scope="col">Received</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {queue.data.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/feedback/${f.id}`} fw={600}>
                        {f.reference}
                      </Anchor>
                      <Text size="sm" c="gray.7" lineClamp={1}>
                        {f.kind === 'compliment' ? 'Compliment · ' : ''}
                        {f.about || f.body}
                      </Text>
                    </Table.Td>
                    <Table.Td>{feedbackCategoryLabels[f.category]}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColors[f.status]} c={`${statusColors[f.status]}.9`} variant="light" tt="none">
                        {statusLabels[f.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td><ClockSummary clock={f.clocks.find((c) => c.key === 'feedback.acknowledged')} /></Table.Td>
                    <Table.Td><ClockSummary clock={f.clocks.find((c) => c.key === 'feedback.resolved')} /></Table.Td>
                    <Table.Td>{formatDateTime(f.receivedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Card>
    </Stack>
  );
}
