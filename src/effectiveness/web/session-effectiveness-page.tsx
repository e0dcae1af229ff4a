import { Anchor, Box, Skeleton, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { usePageTitle } from '../../app/web/hooks/use-page-title';
import { useSessionEffectiveness } from './effectiveness-api';
import { sessionWhen } from './effectiveness-format';
import { EffectivenessReport } from './effectiveness-report';
import { PrintButton } from './print-button';

/** AF-7 for one session: the same figures as the course page, for this session's learners alone. */
export function SessionEffectivenessPage() {
  const { id = '' } = useParams();
  const view = useSessionEffectiveness(id);
  const data = view.data;
  const title = data ? `Effectiveness: ${data.course.title}, ${sessionWhen(data.session.startsAt, data.session.timeZone)}` : 'Session effectiveness';
  usePageTitle(title);

  return (
    <Box className="stride-effectiveness-page stride-print-document">
      <PageHeader
        title={title}
        description={
          data ? (
            <>
              {data.session.instructor ? `Taught by ${data.session.instructor}` : 'No instructor named'} ·{' '}
              <Anchor component={Link} to={`/courses/${data.course.id}/effectiveness`} c="blue.9" className="stride-no-print">
                the whole course
              </Anchor>
            </>
          ) : undefined
        }
        actions={<PrintButton />}
      />
      {view.isPending ? (
        <Stack gap="md" role="status" aria-label="Loading the figures">
          <Skeleton height={220} radius="md" />
        </Stack>
      ) : view.isError ? (
        <ErrorAlert error={view.error} title="The figures cannot be loaded" />
      ) : (
        <EffectivenessReport figures={view.data} />
      )}
    </Box>
  );
}
