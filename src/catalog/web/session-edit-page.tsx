import { Alert, Anchor, Button, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../app/web/components/page-header';
import { hasSessions } from '../catalog-values';
import { useCourse, useCourseSession, type CourseDetailView } from './catalog-api';
import { sessionTimes, viewerTimeZone } from './catalog-format';
import { CancelSessionModal } from './cancel-session-modal';
import { CourseNotFound } from './course-not-found';
import { SessionForm } from './session-form';
import { blankSession, valuesFromSession, type SessionFormValues } from './session-form-values';

function FormSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="lg" role="status" aria-label={label}>
      <Skeleton height={34} width="40%" />
      <Skeleton height={260} radius="md" />
      <Skeleton height={260} radius="md" />
    </Stack>
  );
}

const backTo = (courseId: string | undefined) => (
  <Anchor component={Link} to={courseId ? `/catalog/courses/${courseId}` : '/catalog'} size="sm">
    <span aria-hidden>‹ </span>Back to the course
  </Anchor>
);

/** Why a course takes no session, or null when it does. */
function noSessionsReason(course: CourseDetailView): string | null {
  if (!hasSessions(course.format)) return 'This course is self-paced e-learning: it has no sessions. Change its format first if it is now taught live.';
  if (course.status === 'retired') return 'This course is retired: publish it again before scheduling sessions.';
  return null;
}

/** CA-2: a coordinator schedules a session of a course, in the zone where it happens. */
export function NewSessionPage() {
  const { id } = useParams();
  const course = useCourse(id);
  if (course.isPending) return <FormSkeleton label="Loading the course" />;
  const c = course.data;
  if (!c) return <CourseNotFound error={course.error} />;
  const reason = noSessionsReason(c);
  return (
    <>
      <PageHeader above={backTo(c.id)} title="New session" description={`Of ${c.title} (${c.code}).`} />
      {reason ? (
        <Alert color="orange" variant="light" title="No sessions for this course">
          {reason}
        </Alert>
      ) : (
        <SessionForm course={c} initial={blankSession(c.nextSession?.timeZone ?? viewerTimeZone(), c.languages[0] ?? 'en')} />
      )}
    </>
  );
}

/** CA-2: change or cancel a session that has not started; a stale change is refused (409). */
export function EditSessionPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useCourseSession(id);
  const course = useCourse(session.data?.courseId);
  const [generation, setGeneration] = useState(0);
  const [typedBefore, setTypedBefore] = useState<SessionFormValues | null>(null);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const [cancelling, setCancelling] = useState(false);

  const loadLatest = async (typed: SessionFormValues) => {
    setLoadingLatest(true);
    try {
      const latest = await session.refetch();
      if (latest.isSuccess) {
        setTypedBefore(typed);
        setGeneration((g) => g + 1);
      }
    } finally {
      setLoadingLatest(false);
    }
  };

  if (session.isPending || (session.data && course.isPending)) return <FormSkeleton label="Loading the session" />;
  const s = session.data;
  if (!s) return <CourseNotFound error={session.error} what="session" />;
  const c = course.data;
  if (!c) return <CourseNotFound error={course.error} />;

  const when = sessionTimes(s.startsAt, s.endsAt, s.timeZone);
  const over = new Date(s.startsAt) <= new Date();
  return (
    <>
      <PageHeader above={backTo(c.id)} title="Change the session" description={`Of ${c.title} (${c.code}): ${when.local}${when.yours ? ` · ${when.yours}` : ''}.`} />
      {s.status === 'cancelled' ? (
        <Alert color="gray" variant="light" title="This session is cancelled">
          A cancelled session cannot be changed; schedule a new one instead.
        </Alert>
      ) : over ? (
        <Alert color="gray" variant="light" title="This session has started">
          A session that has started can no longer be changed.
        </Alert>
      ) : (
        <>
          <SessionForm
            key={generation}
            course={c}
            session={s}
            initial={valuesFromSession(s)}
            instructorName={s.instructor && !s.instructor.external ? s.instructor.name : undefined}
            onLoadLatest={(typed) => void loadLatest(typed)}
            loadingLatest={loadingLatest}
            typedBefore={typedBefore}
            extra={
              <Button variant="default" c="red.9" onClick={() => setCancelling(true)}>
                Cancel the session…
              </Button>
            }
          />
          <CancelSessionModal session={cancelling ? s : null} onClose={() => setCancelling(false)} onCancelled={() => navigate(`/catalog/courses/${c.id}`)} />
        </>
      )}
    </>
  );
}
