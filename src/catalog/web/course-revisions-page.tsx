import { Anchor, Card, Grid, NavLink, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { formatDateTime } from '../../app/web/format';
import { useCourse, useCourseRevision, useCourseRevisions, type RevisionSummaryView } from './catalog-api';
import { actionLabels } from './catalog-format';
import { CourseNotFound } from './course-not-found';
import { RevisionChanges } from './revision-changes';
import './catalog.css';

const who = (r: RevisionSummaryView) => `${actionLabels[r.action]} by ${r.savedBy?.name ?? 'Stride'}`;

/** CA-1: every saved state of a course, newest first, and what each changed (?revision=N). */
export function CourseRevisionsPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const course = useCourse(id);
  const revisions = useCourseRevisions(id);
  const latest = revisions.data?.[0]?.revision ?? null;
  const asked = Number(params.get('revision'));
  const shown = Number.isInteger(asked) && asked > 0 ? asked : latest;
  const revision = useCourseRevision(id, shown);

  if (course.isError && !course.data) return <CourseNotFound error={course.error} />;
  const title = course.data ? `History of ${course.data.title}` : 'Revision history';

  return (
    <>
      <PageHeader
        above={
          <Anchor component={Link} to={`/catalog/courses/${id ?? ''}`} size="sm">
            <span aria-hidden>‹ </span>Back to the course
          </Anchor>
        }
        title={title}
        description="Every save of the course is kept as a revision, publishing and retiring too. Choose one to see what it changed from the one before."
      />
      {revisions.isPending ? (
        <TableSkeleton label="Loading the revisions" rows={4} />
      ) : revisions.isError ? (
        <ErrorAlert error={revisions.error} title="The revisions cannot be loaded" />
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder radius="md" p="xs" component="nav" aria-label="Revisions, newest first">
              <Stack gap={2}>
                {revisions.data.map((r) => {
                  const active = r.revision === shown;
                  return (
                    <NavLink
                      key={r.revision}
                      component={Link}
                      to={`?revision=${r.revision}`}
                      replace
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      label={`Revision ${r.revision} · ${actionLabels[r.action]}`}
                      description={`${r.savedBy?.name ?? 'Stride'}, ${formatDateTime(r.savedAt)}`}
                      styles={{ description: { color: active ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-gray-7)' } }}
                      style={{ borderRadius: 'var(--mantine-radius-md)' }}
                    />
                  );
                })}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="revision-heading">
              {revision.isPending ? (
                <Stack gap="sm" role="status" aria-label="Loading the revision">
                  <Skeleton height={26} width="50%" />
                  <Skeleton height={120} />
                </Stack>
              ) : revision.isError ? (
                <ErrorAlert error={revision.error} title={`Revision ${shown ?? ''} cannot be shown`} />
              ) : (
                <Stack gap="xs">
                  <Title order={2} size="h3" id="revision-heading">
                    Revision {revision.data.revision}
                  </Title>
                  <Text size="sm" fw={600}>
                    {who(revision.data)}, {formatDateTime(revision.data.savedAt)}
                    {revision.data.revision === latest ? ' · the current revision' : ''}
                  </Text>
                  <RevisionChanges revision={revision.data} />
                </Stack>
              )}
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
