import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { formatDate } from '../../app/web/format';
import type { RequestListItem } from '../request-schemas';
import type { RequestState } from '../request-values';
import { stateColor, stateLabel } from './request-format';
import { useRequestList } from './requests-api';

const StateBadge = ({ state }: { state: RequestState }) => (
  <Badge color={stateColor[state]} variant="light" style={{ whiteSpace: 'nowrap' }}>
    {stateLabel[state]}
  </Badge>
);

/** The triage clock as words: when the unit promised an owner, and whether that holds. */
function triage(item: Pick<RequestListItem, 'clocks'>): string {
  const clock = item.clocks[0];
  if (!clock) return '—';
  if (clock.stoppedAt) return clock.state === 'met' ? 'Triaged in time' : 'Triaged late';
  return `${clock.state === 'breached' ? 'Overdue since' : 'Owner due by'} ${formatDate(clock.dueAt ?? clock.startedAt)}`;
}

/** My requests (RQ-2): every request I made, drafts included, with its state and owner always shown. */
export function MyRequestsPage() {
  const list = useRequestList('mine', { pageSize: 200 });
  return (
    <>
      <PageHeader
        title="My requests"
        description="Requests for help you made to the training unit: where each stands and who owns it."
        actions={
          <Button component={Link} to="/requests/new">
            New request
          </Button>
        }
      />
      {list.isPending && <Skeleton height={200} aria-label="Loading your requests" />}
      {list.isError && <ErrorAlert error={list.error} title="Your requests cannot be shown" />}
      {list.data && list.data.items.length === 0 && (
        <EmptyState icon={<IconInbox size={24} />} title="No requests yet">
          When your team struggles with something, describe the problem: the unit looks at its causes with you.
        </EmptyState>
      )}
      {list.data && list.data.items.length > 0 && (
        <ScrollTable minWidth={720} label="My requests">
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Request</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Triage</Table.Th>
                <Table.Th>Sent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={r.state === 'draft' ? `/requests/${r.id}/edit` : `/requests/${r.id}`}>
                      {r.reference} {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={r.state} />
                  </Table.Td>
                  <Table.Td>{r.owner?.name ?? (r.state === 'draft' ? '—' : 'Not yet assigned')}</Table.Td>
                  <Table.Td>{triage(r)}</Table.Td>
                  <Table.Td>{r.submittedAt ? formatDate(r.submittedAt) : 'Not sent'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </>
  );
}

const boardColumns: RequestState[] = ['submitted', 'triaged', 'diagnosing', 'recommended', 'discussing', 'accepted'];

/** The consultants' queue (RQ-2): a board by state, oldest first in each column, with the triage clock. */
export function RequestQueuePage() {
  const list = useRequestList('queue', { pageSize: 200 });
  const finished = list.data ? list.data.counts.closed + list.data.counts.withdrawn : 0;
  return (
    <>
      <PageHeader title="Requests" description="Every request sent to the unit, by where it stands. Diagnosis comes before any solution." />
      {list.isPending && <Skeleton height={300} aria-label="Loading the queue" />}
      {list.isError && <ErrorAlert error={list.error} title="The queue cannot be shown" />}
      {list.data && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 6 }} spacing="sm">
            {boardColumns.map((state) => (
              <Card key={state} withBorder radius="md" padding="sm" component="section" aria-labelledby={`col-${state}`} bg="gray.0">
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h5" id={`col-${state}`}>
                    {stateLabel[state]}
                  </Title>
                  <Badge color={stateColor[state]} variant="filled" aria-label={`${list.data.counts[state]} requests`}>
                    {list.data.counts[state]}
                  </Badge>
                </Group>
                <Stack gap="xs">
                  {list.data.items
                    .filter((r) => r.state === state)
                    .map((r) => (
                      <Card key={r.id} withBorder radius="sm" padding="xs">
                        <Anchor component={Link} to={`/requests/${r.id}`} fw={600} size="sm">
                          {r.title}
                        </Anchor>
                        <Text size="xs" c="gray.7">
                          {r.reference} · {r.requester.name}
                          {r.businessUnit ? ` · ${r.businessUnit}` : ''}
                        </Text>
                        <Text size="xs" c="gray.7">
                          {r.owner ? `Owner: ${r.owner.name}` : 'No owner yet'} · {triage(r)}
                        </Text>
                      </Card>
                    ))}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <Text size="sm" c="gray.7">
            {finished} closed or withdrawn.
          </Text>
        </Stack>
      )}
    </>
  );
}
