import { Button, Group, Loader, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconHierarchy2, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { formatNumber } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { OrgChartCard } from './org-chart-card';
import { OrgChartPath } from './org-chart-path';
import { useOrgChart } from './people-api';

const STEP = 60;

/** One level at a time from /org-chart?rootId=, so it stays quick for organizations of any size. */
export function OrgChartPage() {
  const actor = useActor();
  const [params, setParams] = useSearchParams();
  const rootId = params.get('root');
  const chart = useOrgChart(rootId);
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(STEP);
  const teamHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    setFilter('');
    setShown(STEP);
  }, [rootId]);

  // After drilling in or out, put keyboard focus on the new team's heading.
  useEffect(() => {
    if (moved.current && chart.data && !chart.isPlaceholderData) {
      moved.current = false;
      teamHeading.current?.focus();
    }
  }, [chart.data, chart.isPlaceholderData]);

  const open = (id: string | null) => {
    moved.current = true;
    setParams(id ? { root: id } : {});
  };

  const reports = chart.data?.reports ?? [];
  const visible = useMemo(() => {
    const f = filter.trim().toLowerCase();
    if (!f) return reports;
    return reports.filter((r) => `${r.name} ${r.jobTitle} ${r.businessUnit ?? ''}`.toLowerCase().includes(f));
  }, [reports, filter]);

  const root = chart.data?.root ?? null;
  const heading = root ? `Reports to ${root.name} (${formatNumber(reports.length)})` : `Top of the organization (${formatNumber(reports.length)})`;

  return (
    <>
      <PageHeader
        title="Org chart"
        description="Start at the top and open a team to see who reports to whom. Each step loads only that team, so it stays quick for any size of organization."
      />
      {chart.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} role="status" aria-label="Loading the org chart">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} height={132} radius="md" />
          ))}
        </SimpleGrid>
      ) : chart.isError ? (
        <Stack gap="md" align="flex-start">
          <ErrorAlert error={chart.error} title="The org chart cannot be loaded" />
          {rootId && (
            <Button variant="light" onClick={() => open(null)}>
              Back to the top of the organization
            </Button>
          )}
        </Stack>
      ) : (
        <Stack gap="lg" aria-busy={chart.isPlaceholderData}>
          <Group justify="space-between" wrap="nowrap">
            <OrgChartPath chain={chart.data.chain} root={root} />
            {chart.isFetching && <Loader size="xs" role="status" aria-label="Loading team" />}
          </Group>
          {root && (
            <Paper bg="gray.0" p="md" radius="md" maw={460}>
              <OrgChartCard node={root} highlighted />
              {chart.data.chain.length > 0 && (
                <Button mt="sm" variant="subtle" size="compact-sm" onClick={() => open(chart.data.chain[chart.data.chain.length - 1]?.id ?? null)}>
                  Up one level
                </Button>
              )}
              {chart.data.chain.length === 0 && (
                <Button mt="sm" variant="subtle" size="compact-sm" onClick={() => open(null)}>
                  Back to the top
                </Button>
              )}
            </Paper>
          )}
          <section aria-labelledby="team-heading">
            <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
              <Title order={2} size="h4" id="team-heading" ref={teamHeading} tabIndex={-1}>
                {heading}
              </Title>
              {reports.length > 12 && (
                <TextInput
                  label="Filter this team"
                  placeholder="Name, title or unit"
                  leftSection={<IconSearch size={16} aria-hidden />}
                  value={filter}
                  onChange={(e) => setFilter(e.currentTarget.value)}
                  w={{ base: '100%', sm: 280 }}
                />
              )}
            </Group>
            {reports.length === 0 ? (
              <EmptyState
                icon={<IconHierarchy2 size={24} />}
                title={root ? `No one reports to ${root.name}` : 'The org chart is empty'}
                action={
                  !root && hasRole(actor, 'admin') ? (
                    <Button component={Link} to="/admin/import" variant="light">
                      Import people
                    </Button>
                  ) : undefined
                }
              >
                {root ? 'Go back up to see the rest of the organization.' : 'People appear here once the HR export is imported.'}
              </EmptyState>
            ) : visible.length === 0 ? (
              <Text c="gray.7">No one in this team matches “{filter}”.</Text>
            ) : (
              <>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} spacing="md">
                  {visible.slice(0, shown).map((n) => (
                    <OrgChartCard key={n.id} node={n} onOpen={(id) => open(id)} />
                  ))}
                </SimpleGrid>
                {visible.length > shown && (
                  <Group justify="center" mt="md">
                    <Button variant="default" onClick={() => setShown((s) => s + STEP)}>
                      Show more ({formatNumber(visible.length - shown)} left)
                    </Button>
                  </Group>
                )}
              </>
            )}
          </section>
        </Stack>
      )}
    </>
  );
}
