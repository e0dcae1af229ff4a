import { Autocomplete, Button, Grid, Paper, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { PaginationBar } from '../../app/web/components/pagination-bar';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { formatNumber } from '../../app/web/format';
import { useAudit } from './admin-api';
import { AuditEntryRows } from './audit-entry-rows';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';

const PAGE_SIZE = 50;

export function AuditLogPage() {
  const { params, update, page } = useUrlFilters();
  const entity = params.get('entity') ?? '';
  const entityId = params.get('entityId') ?? '';
  const [entityInput, setEntityInput] = useState(entity);
  const [idInput, setIdInput] = useState(entityId);
  const [debouncedEntity] = useDebouncedValue(entityInput.trim(), 350);
  const [debouncedId] = useDebouncedValue(idInput.trim(), 350);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const seen = useRef(new Set<string>());


  useEffect(() => {
    if (debouncedEntity !== entity || debouncedId !== entityId) update({ entity: debouncedEntity || null, entityId: debouncedId || null });
  }, [debouncedEntity, debouncedId]); // eslint-disable-line react-hooks/exhaustive-deps

  const audit = useAudit({ entity: entity || undefined, entityId: entityId || undefined, page, pageSize: PAGE_SIZE });
  for (const e of audit.data?.items ?? []) seen.current.add(e.entity);
  const entityOptions = useMemo(() => [...seen.current].sort(), [audit.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const filtered = !!(entity || entityId);

  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <>
      <PageHeader title="Audit log" description="Every change to people, settings and imports: who made it, when, and what it was before and after." />
      <form role="search" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <Grid gutter="sm" mb="md" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
            <Autocomplete
              label="Entity"
              placeholder="Any entity, e.g. person"
              data={entityOptions}
              value={entityInput}
              onChange={setEntityInput}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5, md: 4 }}>
            <TextInput label="Entity id" placeholder="Any id" value={idInput} onChange={(e) => setIdInput(e.currentTarget.value)} />
          </Grid.Col>
          {filtered && (
            <Grid.Col span={{ base: 12, sm: 2 }}>
              <Button
                variant="default"
                onClick={() => {
                  setEntityInput('');
                  setIdInput('');
                  update({ entity: null, entityId: null });
                }}
              >
                Clear
              </Button>
            </Grid.Col>
          )}
        </Grid>
      </form>
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {audit.isPending ? (
          <TableSkeleton label="Loading the audit log" rows={8} />
        ) : audit.isError ? (
          <ErrorAlert error={audit.error} title="The audit log cannot be loaded" />
        ) : audit.data.items.length === 0 ? (
          <EmptyState icon={<IconHistory size={24} />} title={filtered ? 'No entries match' : 'Nothing has been recorded yet'}>
            {filtered ? 'Check the entity name and id, or clear the filter.' : 'Changes appear here as soon as someone makes one.'}
          </EmptyState>
        ) : (
          <>
            <ScrollTable minWidth={820} label="Audit log table">
              <Table captionSide="top" verticalSpacing="sm">
                <Table.Caption style={{ textAlign: 'start' }}>
                  {formatNumber(audit.data.total)} {audit.data.total === 1 ? 'entry' : 'entries'}, newest first
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Who</Table.Th>
                    <Table.Th scope="col">Action</Table.Th>
                    <Table.Th scope="col">Entity</Table.Th>
                    <Table.Th scope="col">Changes</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {audit.data.items.map((e) => (
                    <AuditEntryRows key={e.id} entry={e} open={open.has(e.id)} onToggle={() => toggle(e.id)} />
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <PaginationBar page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} onChange={(p) => update({ page: String(p) }, false)} noun="entries" />
          </>
        )}
      </Paper>
    </>
  );
}
