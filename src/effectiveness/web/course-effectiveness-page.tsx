import { Anchor, Box, Skeleton, Stack, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { usePageTitle } from '../../app/web/hooks/use-page-title';
import { useCourseEffectiveness } from './effectiveness-api';
import { checkPeriod, describePeriod } from './effectiveness-period';
import { EffectivenessReport } from './effectiveness-report';
import { PeriodFilter } from './period-filter';
import { PrintButton } from './print-button';
import { SessionsTable } from './sessions-table';

function Loading() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the figures">
      <Skeleton height={220} radius="md" />
      <Skeleton height={160} radius="md" />
    </Stack>
  );
}

/**
 * AF-7 for a course: objectives met as learners and supervisors see them, side by side; the
 * recommendation score with its counts; response rates; what followed (support, retention plans,
 * certificates); and each session's row in date order. Coordinators see the whole course, an
 * instructor the sessions they taught. Prints as a document (VA-3).
 */
export function CourseEffectivenessPage() {
  const { id = '' } = useParams();
  const { params, update } = useUrlFilters();
  const period = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const { query, errors } = checkPeriod(period);
  const view = useCourseEffectiveness(id, query);
  const course = view.data?.course;
  usePageTitle(course ? `Effectiveness: ${course.title}` : 'Course effectiveness');

  return (
    <Box className="stride-effectiveness-page stride-print-document">
      <PageHeader
        title={course ? `Effectiveness: ${course.title}` : 'Course effectiveness'}
        description={
          course ? (
            <>
              {course.code} ·{' '}
              <Anchor component={Link} to={`/catalog/courses/${course.id}`} c="blue.9" className="stride-no-print">
                the course page
              </Anchor>
            </>
          ) : undefined
        }
        actions={<PrintButton />}
      />
      <PeriodFilter period={period} errors={errors} onChange={update} label="Filter by completion date" />
      {!query ? null : view.isPending ? (
        <Loading />
      ) : view.isError ? (
        <ErrorAlert error={view.error} title="The figures cannot be loaded" />
      ) : (
        <Stack gap="lg">
          <Text fw={600}>
            {describePeriod(view.data.from, view.data.to)} · {view.data.scope === 'instructor' ? 'Your sessions only' : 'Every session and self-paced enrolment'}
            <Text span c="gray.7" fw={400} size="sm">
              {' '}
              (days in {view.data.timeZone.replaceAll('_', ' ')} time)
            </Text>
          </Text>
          <EffectivenessReport figures={view.data} />
          <SessionsTable sessions={view.data.sessions} instructorOnly={view.data.scope === 'instructor'} />
        </Stack>
      )}
    </Box>
  );
}
