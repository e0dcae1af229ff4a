import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { PaginationBar } from '../../app/web/components/pagination-bar';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { formatDate, plural } from '../../app/web/format';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { supportQueueQuery } from '../support-schemas';
import { useSupportQueue, type SupportQueue } from './support-api';
import { optionLabel, stateColor, stateLabel } from './support-format';

const pageSize = 25;

/**
 * The unit's support queue (AF-5): cases opened by objectives reported not met, by state with
 * counts, the filters in the URL (state, owner, course) so a view can be shared or bookmarked.
 */
export function SupportQueuePage() {
  const { params, update, page } = useUrlFilters();
  // A hand-edited URL with a value the server would refuse is treated as no filter.
  const parsed = supportQueueQuery.safeParse({ state: params.get('state') ?? undefined, owner: params.get('owner') ?? undefined, courseId: params.get('course') ?? undefined, page, pageSize });
  const query = parsed.success ? parsed.data : { page: 1, pageSize };
  const queue = useSupportQueue(query);
  const counts = queue.data?.counts;
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${n})`);
  const filtered = !!(query.owner || query.courseId);

  return (
    <>
      <PageHeader title="Support after training" description="Objectives reported not met after a course. Decide what will help — which may be no further training, with the reason — and follow each case to its close." />
      <Stack gap="md">
        <Group gap="md" align="end" wrap="wrap">
          <div>
            <Text size="sm" fw={500} id="support-state-label" mb={4}>
              State
            </Text>
            <SegmentedControl
              aria-labelledby="support-state-label"
              value={query.state ?? 'all'}
              onChange={(value) => update({ state: value === 'all' ? null : value })}
              data={[
                { value: 'all', label: `All${counts ? count(counts.open + counts.in_progress + counts.closed) : ''}` },
                { value: 'open', label: `Open${count(counts?.open)}` },
                { value: 'in_progress', label: `In progress${count(counts?.in_progress)}` },
                { value: 'closed', label: `Closed${count(counts?.closed)}` },
              ]}
            />
          </div>
          <Select
            label="Owner"
            w={200}
            value={query.owner ?? 'anyone'}
            onChange={(value) => update({ owner: !value || value === 'anyone' ? null : value })}
            data={[
              { value: 'anyone', label: 'Anyone' },
              { value: 'me', label: 'Mine' },
              { value: 'nobody', label: 'Nobody yet' },
            ]}
            allowDeselect={false}
          />
          {query.courseId && (
            <Button variant="light" onClick={() => update({ course: null })}>
              Show every course
            </Button>
          )}
        </Group>
        <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
          {queue.isPending ? (
            <TableSkeleton label="Loading support cases" rows={5} />
          ) : queue.isError ? (
            <ErrorAlert error={queue.error} title="The support cases cannot be loaded" />
          ) : queue.data.items.length === 0 ? (
            <EmptyState icon={<IconLifebuoy size={24} />} title={filtered || query.state ? 'No case matches these filters' : 'No support cases yet'}>
              {filtered || query.state ? 'Widen the state, owner or course.' : 'When a learner or supervisor reports an objective not met after a course, a case appears here.'}
            </EmptyState>
          ) : (
            <Stack gap="sm">
              <QueueTable queue={queue.data} onCourse={(id) => update({ course: id })} />
              <PaginationBar page={query.page} pageSize={query.pageSize} total={queue.data.total} onChange={(p) => update({ page: String(p) }, false)} noun="cases" />
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  );
}

function QueueTable({ queue, onCourse }: { queue: SupportQueue; onCourse: (courseId: string) => void }) {
  return (
    <ScrollTable minWidth={900} label="Support cases">
      <Table verticalSpacing="sm" striped highlightOnHover>
        <Table.Caption>{plural(queue.total, 'support case')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Learner</Table.Th>
            <Table.Th scope="col">Course</Table.Th>
            <Table.Th scope="col">Objectives not met</Table.Th>
            <Table.Th scope="col">Age</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Decision</Table.Th>
            <Table.Th scope="col">State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queue.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={`/support/${item.id}`} fw={600}>
                  {item.learner.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" onClick={() => onCourse(item.course.id)} aria-label={`Only cases of ${item.course.title}`}>
                  {item.course.title}
                </Anchor>
                <Text size="xs" c="gray.7">
                  {item.course.code}
                  {item.sessionStartsAt ? ` · session of ${formatDate(item.sessionStartsAt)}` : ' · self-paced'}
                </Text>
              </Table.Td>
              <Table.Td>
                {item.objectivesNotMet.map((text, i) => (
                  <Text key={i} size="sm" lineClamp={2}>
                    {text}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{item.ageDays === 0 ? 'Today' : plural(item.ageDays, 'day')}</Table.Td>
              <Table.Td>{item.owner?.name ?? <Text span size="sm" c="gray.7">Nobody yet</Text>}</Table.Td>
              <Table.Td>{optionLabel(item.decision)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge variant="light" color={stateColor[item.state]} c={`${stateColor[item.state]}.9`} tt="none" style={{ overflow: 'visible' }}>
                  {stateLabel[item.state]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
