import { Anchor, Button } from '@mantine/core';
import { IconBook } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { isNotFound } from './catalog-api';

const back = (
  <Anchor component={Link} to="/catalog" size="sm">
    <span aria-hidden>‹ </span>Catalog
  </Anchor>
);

/** A course (or session) that is not there for this person, or a failure to load it. */
export function CourseNotFound({ error, what = 'course' }: { error: unknown; what?: 'course' | 'session' }) {
  if (isNotFound(error)) {
    return (
      <>
        <PageHeader above={back} title={what === 'course' ? 'Course not found' : 'Session not found'} />
        <EmptyState
          icon={<IconBook size={24} />}
          title={`There is no such ${what} in the catalog`}
          action={
            <Button component={Link} to="/catalog" variant="light">
              Browse the catalog
            </Button>
          }
        >
          The link may be mistyped, or the course has been taken out of the catalog.
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader above={back} title={what === 'course' ? 'Course not available' : 'Session not available'} />
      <ErrorAlert error={error} title={`This ${what} cannot be shown`} />
    </>
  );
}
