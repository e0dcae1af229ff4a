import { Badge, Group, Paper, Tabs, TextInput } from '@mantine/core';
import { IconMail, IconSearch } from '@tabler/icons-react';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { PaginationBar } from '../../app/web/components/pagination-bar';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { formatNumber } from '../../app/web/format';
import { useOutbox, useOutboxCounts, type OutboxStatus } from './admin-api';
import { DeliveryBanner } from './delivery-banner';
import { outboxStatusLabels } from './outbox-status-badge';
import { OutboxTable } from './outbox-table';
import { useUrlFilters, useUrlSearchBox } from '../../app/web/hooks/use-url-filters';

const PAGE_SIZE = 50;
const statuses: OutboxStatus[] = ['pending', 'sending', 'sent', 'failed'];
type Tab = OutboxStatus | 'all';

function asTab(value: string | null): Tab {
  return value && (statuses as string[]).includes(value) ? (value as OutboxStatus) : 'all';
}

function OutboxList({ status, q, page, onPage }: { status: Tab; q: string; page: number; onPage: (p: number) => void }) {
  const list = useOutbox({ status: status === 'all' ? undefined : status, q: q || undefined, page, pageSize: PAGE_SIZE });
  if (list.isPending) return <TableSkeleton label="Loading messages" rows={8} />;
  if (list.isError) return <ErrorAlert error={list.error} title="The outbox cannot be loaded" />;
  if (list.data.items.length === 0) {
    return (
      <EmptyState icon={<IconMail size={24} />} title={q ? 'No message matches' : status === 'all' ? 'The outbox is empty' : `No ${outboxStatusLabels[status].toLowerCase()} messages`}>
        {q ? 'Try another address or subject.' : 'Every e-mail Stride sends passes through here, so you can see what went out and when.'}
      </EmptyState>
    );
  }
  const label = status === 'all' ? 'All messages' : `${outboxStatusLabels[status]} messages`;
  return (
    <>
      <OutboxTable items={list.data.items} caption={`${label}: ${formatNumber(list.data.total)}`} />
      <PaginationBar page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={onPage} noun="messages" />
    </>
  );
}

export function OutboxPage() {
  const { params, update, page } = useUrlFilters();
  const tab = asTab(params.get('status'));
  const q = params.get('q') ?? '';
  const counts = useOutboxCounts();
  const [search, setSearch] = useUrlSearchBox('q', update, q);

  const c = counts.data;
  const total = c ? c.pending + c.sending + c.sent + c.failed : undefined;
  const countOf = (t: Tab) => (c ? (t === 'all' ? total : c[t]) : undefined);

  return (
    <>
      <PageHeader title="Outbox" description="Every e-mail Stride sends is written here first, then delivered. See what went out, what is waiting and what failed." />
      {c && !c.deliveryConfigured && <DeliveryBanner />}
      <Group mb="md">
        <TextInput
          label="Search messages"
          placeholder="Recipient or subject"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={{ base: '100%', sm: 360 }}
        />
      </Group>
      <Tabs value={tab} onChange={(v) => update({ status: v === 'all' ? null : v })} keepMounted={false}>
        <Tabs.List aria-label="Message status">
          {(['all', ...statuses] as Tab[]).map((t) => (
            <Tabs.Tab
              key={t}
              value={t}
              rightSection={
                countOf(t) !== undefined ? (
                  <Badge size="sm" variant={t === 'failed' && (countOf(t) ?? 0) > 0 ? 'filled' : 'light'} color={t === 'failed' && (countOf(t) ?? 0) > 0 ? 'red' : 'gray'} circle={false}>
                    {formatNumber(countOf(t) ?? 0)}
                  </Badge>
                ) : undefined
              }
            >
              {t === 'all' ? 'All' : outboxStatusLabels[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {(['all', ...statuses] as Tab[]).map((t) => (
          <Tabs.Panel key={t} value={t} pt="md">
            <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
              <OutboxList status={t} q={q} page={page} onPage={(p) => update({ page: String(p) }, false)} />
            </Paper>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
