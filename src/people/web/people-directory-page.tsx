import { Button, Paper } from '@mantine/core';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { roles, type Role } from '../../platform/auth/roles';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { EmptyState } from '../../app/web/components/empty-state';
import { PageHeader } from '../../app/web/components/page-header';
import { PaginationBar } from '../../app/web/components/pagination-bar';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { formatNumber } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { usePeople } from './people-api';
import { PeopleFilters } from './people-filters';
import { PeopleTable } from './people-table';
import { useUrlFilters, useUrlSearchBox } from '../../app/web/hooks/use-url-filters';

const PAGE_SIZE = 50;

function asRole(value: string | null): Role | null {
  return value && (roles as readonly string[]).includes(value) ? (value as Role) : null;
}

export function PeopleDirectoryPage() {
  const actor = useActor();
  const { params, update, page } = useUrlFilters();
  const q = params.get('q') ?? '';
  const unitId = params.get('unit');
  const role = asRole(params.get('role'));

  const [search, setSearch] = useUrlSearchBox('q', update, q);

  const people = usePeople({ q: q || undefined, businessUnitId: unitId ?? undefined, role: role ?? undefined, page, pageSize: PAGE_SIZE });
  const filtered = !!(q || unitId || role);

  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in the organization you can see: find a colleague, their unit and who they report to."
        actions={
          hasRole(actor, 'admin') && (
            <>
              <Button component={Link} to="/people/new" leftSection={<IconUserPlus size={16} aria-hidden />}>
                Add person
              </Button>
              <Button component={Link} to="/admin/import" variant="default">
                Import CSV
              </Button>
            </>
          )
        }
      />
      <PeopleFilters
        search={search}
        onSearch={setSearch}
        unitId={unitId}
        onUnit={(v) => update({ unit: v })}
        role={role}
        onRole={(v) => update({ role: v })}
      />
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {people.isPending ? (
          <TableSkeleton label="Loading people" rows={8} />
        ) : people.isError ? (
          <ErrorAlert error={people.error} title="The directory cannot be loaded" />
        ) : people.data.items.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={24} />}
            title={filtered ? 'No one matches these filters' : 'No people yet'}
            action={
              filtered ? (
                <Button
                  variant="light"
                  onClick={() => {
                    setSearch('');
                    update({ q: null, unit: null, role: null });
                  }}
                >
                  Clear filters
                </Button>
              ) : hasRole(actor, 'admin') ? (
                <Button component={Link} to="/admin/import" variant="light">
                  Import people from a CSV file
                </Button>
              ) : undefined
            }
          >
            {filtered ? 'Try another spelling, or widen the unit or role.' : 'People appear here once an administrator imports the HR export.'}
          </EmptyState>
        ) : (
          <>
            <PeopleTable
              people={people.data.items}
              caption={`${formatNumber(people.data.total)} ${people.data.total === 1 ? 'person' : 'people'}${filtered ? ' match' : ''}`}
            />
            <PaginationBar
              page={people.data.page}
              pageSize={people.data.pageSize}
              total={people.data.total}
              noun="people"
              onChange={(p) => update({ page: String(p) }, false)}
            />
          </>
        )}
      </Paper>
    </>
  );
}
