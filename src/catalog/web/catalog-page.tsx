import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { IconBook, IconFilterOff, IconMessageQuestion, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { PaginationBar } from '../../app/web/components/pagination-bar';
import { plural } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { useUrlFilters, useUrlSearchBox } from '../../app/web/hooks/use-url-filters';
import { useBusinessUnits } from '../../people/web/people-api';
import { catalogEditorRoles } from '../catalog-editors';
import { statusLabels } from './catalog-format';
import { useCatalog, useInterests } from './catalog-api';
import { CatalogFilters } from './catalog-filters';
import { catalogQuery } from './catalog-query';
import { CourseCard } from './course-card';

function CardsSkeleton() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" role="status" aria-label="Loading courses">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} height={190} radius="md" />
      ))}
    </SimpleGrid>
  );
}

const filterKeys = ['q', 'format', 'unit', 'language', 'interest', 'from', 'to'] as const;

/** CA-1: the catalog for everyone signed in — search, filters held in the URL, clean cards. */
export function CatalogPage() {
  const actor = useActor();
  const editor = hasRole(actor, ...catalogEditorRoles);
  const { params, update } = useUrlFilters();
  const { query, errors, filtered } = catalogQuery(params, editor);
  const [search, setSearch] = useUrlSearchBox('q', update, params.get('q') ?? '');
  const catalog = useCatalog(query);
  const units = useBusinessUnits();
  const interests = useInterests();
  const status = query.status ?? 'published';
  const clearFilters = () => {
    setSearch('');
    update(Object.fromEntries(filterKeys.map((k) => [k, null])));
  };

  return (
    <>
      <PageHeader
        title="Course catalog"
        description="What the training unit teaches, who it is for and when the next sessions are. Not sure a course is the answer? Ask the unit: sometimes it is something else."
        actions={
          editor ? (
            <Button component={Link} to="/catalog/courses/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New course
            </Button>
          ) : undefined
        }
      />
      <CatalogFilters
        search={search}
        onSearch={setSearch}
        params={params}
        errors={errors}
        units={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        interests={(interests.data ?? []).map((i) => ({ value: i.key, label: i.name }))}
        languages={catalog.data?.languages ?? []}
        editor={editor}
        onChange={update}
      />
      {catalog.isPending ? (
        <CardsSkeleton />
      ) : catalog.isError ? (
        <ErrorAlert error={catalog.error} title="The catalog cannot be loaded" />
      ) : catalog.data.total === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconBook size={24} />}
            title={filtered ? 'No course matches this search' : status === 'published' ? 'The catalog is empty for now' : `No ${statusLabels[status].toLowerCase()} courses`}
            action={
              <Group gap="sm" justify="center">
                {filtered && (
                  <Button variant="light" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clearFilters}>
                    Clear the search and filters
                  </Button>
                )}
                <Button component={Link} to="/questions/ask" variant="default" leftSection={<IconMessageQuestion size={16} aria-hidden />}>
                  Ask the training unit
                </Button>
              </Group>
            }
          >
            {filtered
              ? 'Try fewer words or fewer filters. Or tell the training unit what you need to be able to do: they will help you find the right answer, which is not always a course.'
              : 'Tell the training unit what you need to be able to do: they will help you find the right answer, which is not always a course.'}
          </EmptyState>
        </Paper>
      ) : (
        <Stack gap="md" aria-busy={catalog.isFetching}>
          <Text size="sm" c="gray.8" fw={600} aria-live="polite">
            {plural(catalog.data.total, status === 'published' ? 'course' : `${statusLabels[status].toLowerCase()} course`)}
            {filtered ? ' found' : ''}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {catalog.data.items.map((course) => (
              <CourseCard key={course.id} course={course} />
            ))}
          </SimpleGrid>
          <PaginationBar page={query.page} pageSize={query.pageSize} total={catalog.data.total} onChange={(p) => update({ page: String(p) }, false)} noun="courses" />
        </Stack>
      )}
    </>
  );
}
