import { Alert, Anchor, Box, Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconCalendarPlus, IconCertificate, IconChevronDown, IconChevronRight, IconHistory, IconPencil, IconPrinter, IconSend, IconUsersGroup, IconChartBar, IconChecklist } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { formatDateTime, plural } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { catalogEditorRoles } from '../catalog-editors';
import { hasSessions } from '../catalog-values';
import { useCourse, useCourseSessions, type CourseDetailView, type SessionView } from './catalog-api';
import { formatDuration, languageList, sessionTimes } from './catalog-format';
import { CancelSessionModal } from './cancel-session-modal';
import { CourseContactCard } from './course-contact-card';
import { WordsUsedHere } from '../../glossary/web/words-used-here';
import { CourseNotFound } from './course-not-found';
import { CourseStatusModal } from './course-status-modal';
import { SessionItem } from './course-sessions';
import { FormatBadge } from './format-badge';
import { CourseEnrolment } from '../../enrolment/web/course-enrolment';
import { SessionEnrolment } from '../../enrolment/web/session-enrolment';
import { ConformancePanel } from '../../standards/web/conformance-panel';
import { CourseProblemsPanel, ReportProblemButton } from '../../development/web/course-problems';
import './catalog.css';

const back = (
  <Anchor component={Link} to="/catalog" size="sm" className="stride-no-print">
    <span aria-hidden>‹ </span>Catalog
  </Anchor>
);

function Section({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id} className="stride-catalog-section">
      <Group justify="space-between" align="center" mb="xs" gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Box>
  );
}

function Facts({ course }: { course: CourseDetailView }) {
  const rows: [string, ReactNode][] = [
    ['Format', <FormatBadge key="f" format={course.format} />],
    ['Duration', formatDuration(course.durationMinutes)],
    ['Languages', languageList(course.languages)],
    ['Code', course.code],
  ];
  if (course.interests.length > 0) rows.push(['Interests', course.interests.map((i) => i.name).join(', ')]);
  return (
    <Card withBorder radius="md" padding="md" className="stride-catalog-card">
      <Box component="dl" m={0} className="stride-catalog-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <Text component="dt" size="xs" fw={700} c="gray.8" tt="uppercase">
              {term}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {value}
            </Text>
          </div>
        ))}
      </Box>
    </Card>
  );
}

function PageSkeleton() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the course">
      <Skeleton height={34} width="50%" />
      <Skeleton height={18} width="70%" />
      <Skeleton height={80} radius="md" />
      <Skeleton height={260} radius="md" />
    </Stack>
  );
}

/** Cancelled and past sessions, for the editors, folded away under the upcoming ones. */
function OtherSessions({ sessions, showLanguage }: { sessions: SessionView[]; showLanguage: boolean }) {
  const [open, setOpen] = useState(false);
  if (sessions.length === 0) return null;
  return (
    <Box mt="md" className="stride-no-print">
      <Button
        variant="subtle"
        size="compact-sm"
        c="teal.9"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-controls="other-sessions"
        leftSection={open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
      >
        {open ? 'Hide' : 'Show'} {plural(sessions.length, 'cancelled or past session')}
      </Button>
      {open && (
        <Stack component="ul" id="other-sessions" gap="sm" mt="sm" p={0} style={{ listStyle: 'none' }}>
          {sessions.map((s) => (
            <SessionItem key={s.id} session={s} showLanguage={showLanguage} editor />
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** CA-1 CA-2 CA-7: a course as a learner reads it (and hands it to others, on paper); its editors run it from here. */
export function CoursePage() {
  const { id } = useParams();
  const actor = useActor();
  const editor = hasRole(actor, ...catalogEditorRoles);
  const course = useCourse(id);
  const allSessions = useCourseSessions(id, editor);
  const [statusAction, setStatusAction] = useState<'publish' | 'retire' | null>(null);
  const [cancelling, setCancelling] = useState<SessionView | null>(null);

  if (course.isPending) {
    return (
      <>
        {back}
        <PageSkeleton />
      </>
    );
  }
  const c = course.data;
  if (!c) return <CourseNotFound error={course.error} />;

  const live = hasSessions(c.format);
  const showLanguage = c.languages.length > 1;
  const upcomingIds = new Set(c.upcomingSessions.map((s) => s.id));
  const others = (allSessions.data ?? []).filter((s) => !upcomingIds.has(s.id));
  const canSchedule = editor && live && c.status !== 'retired';

  // The editors' buttons for a session, after the application (CA-3) and the roster for its instructor and the editors.
  const sessionActions = (session: SessionView): ReactNode => {
    const when = sessionTimes(session.startsAt, session.endsAt, session.timeZone).local;
    const enrolment = c.status === 'published' && session.status === 'scheduled' ? <SessionEnrolment session={session} courseTitle={c.title} /> : null;
    const roster =
      editor || session.instructor?.id === actor.id ? (
        <Button component={Link} to={`/catalog/sessions/${session.id}/roster`} variant="default" size="xs" leftSection={<IconUsersGroup size={14} aria-hidden />} aria-label={`Roster, ${when}`}>
          Roster
        </Button>
      ) : null;
    if (!editor) return enrolment || roster ? <>{enrolment}{roster}</> : null;
    return (
      <>
        {enrolment}
        {roster}
        <Button component={Link} to={`/standards/check/session/${session.id}`} variant="default" size="xs" leftSection={<IconChecklist size={14} aria-hidden />} aria-label={`Standards, ${when}`}>
          Standards
        </Button>
        <Button component={Link} to={`/catalog/sessions/${session.id}/edit`} variant="default" size="xs" leftSection={<IconPencil size={14} aria-hidden />} aria-label={`Edit session, ${when}`}>
          Edit session
        </Button>
        <Button variant="default" size="xs" c="red.9" onClick={() => setCancelling(session)} aria-label={`Cancel session, ${when}`}>
          Cancel session…
        </Button>
      </>
    );
  };

  return (
    <Box className="stride-course-document stride-print-document">
      <PageHeader
        above={back}
        title={c.title}
        description={c.summary}
        actions={
          <Group gap="sm" className="stride-no-print">
            <Button variant="default" onClick={() => window.print()} leftSection={<IconPrinter size={16} aria-hidden />}>
              Print
            </Button>
            {editor && (
              <>
                <Button component={Link} to={`/courses/${c.id}/effectiveness`} variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
                  Effectiveness
                </Button>
                <Button component={Link} to={`/catalog/courses/${c.id}/revisions`} variant="default" leftSection={<IconHistory size={16} aria-hidden />}>
                  Revision history
                </Button>
                {c.status === 'published' ? (
                  <Button variant="default" c="red.9" onClick={() => setStatusAction('retire')} leftSection={<IconArchive size={16} aria-hidden />}>
                    Retire…
                  </Button>
                ) : (
                  <Button variant="default" onClick={() => setStatusAction('publish')} leftSection={<IconSend size={16} aria-hidden />}>
                    Publish…
                  </Button>
                )}
                <Button component={Link} to={`/catalog/courses/${c.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                  Edit
                </Button>
              </>
            )}
          </Group>
        }
      />
      {c.status !== 'published' && (
        <Alert color={c.status === 'draft' ? 'orange' : 'gray'} variant="light" mb="lg" title={c.status === 'draft' ? 'A draft' : 'Retired'} className="stride-no-print">
          {c.status === 'draft'
            ? 'Only the catalog’s editors see this course. Publish it to list it in the catalog.'
            : 'This course has left the catalog: only the catalog’s editors see it. Publish it again to bring it back.'}
        </Alert>
      )}
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <Facts course={c} />
            <Section id="course-objectives" title="What you will be able to do">
              <Text size="sm" c="gray.8" mb="xs">
                After the course, and the follow-up with you and your supervisor, you will be able to:
              </Text>
              <Box component="ol" m={0} pl="xl" className="stride-catalog-objectives">
                {c.objectives.map((o) => (
                  <Text component="li" key={o.id} mb={6}>
                    {o.text}
                  </Text>
                ))}
              </Box>
            </Section>
            <Section id="course-description" title="About the course">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{c.description}</Text>
            </Section>
            <Section id="course-audience" title="Who it is for">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{c.audience}</Text>
              <Text size="sm" c="gray.8" mt="xs">
                {c.audienceBusinessUnits.length > 0 ? `Open to: ${c.audienceBusinessUnits.map((u) => u.name).join(', ')}.` : 'Open to everyone in the organization.'}
              </Text>
            </Section>
            <Section id="course-prerequisites" title="Before you come">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{c.prerequisites || 'Nothing in particular.'}</Text>
            </Section>
            <Section
              id="course-sessions"
              title={live ? 'Upcoming sessions' : 'Sessions'}
              action={
                canSchedule ? (
                  <Button component={Link} to={`/catalog/courses/${c.id}/sessions/new`} size="sm" variant="light" c="teal.9" leftSection={<IconCalendarPlus size={16} aria-hidden />} className="stride-no-print">
                    Add a session
                  </Button>
                ) : undefined
              }
            >
              {!live ? (
                <>
                  <Text>This is self-paced e-learning: there are no sessions, and you can start whenever suits you.</Text>
                  {c.status === 'published' && <CourseEnrolment course={c} />}
                  {editor && (
                    <Button component={Link} to={`/catalog/courses/${c.id}/completions`} variant="default" size="sm" mt="sm" leftSection={<IconCertificate size={16} aria-hidden />} className="stride-no-print">
                      Completions: record or import
                    </Button>
                  )}
                </>
              ) : c.upcomingSessions.length === 0 ? (
                <Text>
                  No sessions are scheduled yet. Ask{' '}
                  <Anchor href={`mailto:${c.contact.email}`}>{c.contact.name}</Anchor> whether one is planned, or whether another answer fits what you need.
                </Text>
              ) : (
                <>
                  <Text size="sm" c="gray.8" mb="sm">
                    {plural(c.upcomingSessionCount, 'upcoming session')}. Times are shown where the session happens and, when different, in your own time zone.
                  </Text>
                  <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Upcoming sessions">
                    {c.upcomingSessions.map((s) => (
                      <SessionItem key={s.id} session={s} showLanguage={showLanguage} editor={editor} actions={sessionActions(s)} />
                    ))}
                  </Stack>
                  {c.upcomingSessionCount > c.upcomingSessions.length && (
                    <Text size="sm" c="gray.8" mt="sm">
                      And {plural(c.upcomingSessionCount - c.upcomingSessions.length, 'later session')}.
                    </Text>
                  )}
                </>
              )}
              {editor && <OtherSessions sessions={others} showLanguage={showLanguage} />}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <CourseContactCard contact={c.contact} />
            <WordsUsedHere texts={[c.title, c.summary, c.description, c.audience, ...c.objectives.map((o) => o.text)]} />
            <UnitContactCard />
            {/* ST-2: how the course conforms to the unit's standards. */}
            <ConformancePanel subjectType="course" subjectId={c.id} />
            {/* DV-4: anyone reports a problem or asks a question; staff see what recurs. */}
            {c.status === 'published' && <ReportProblemButton courseId={c.id} courseTitle={c.title} />}
            <CourseProblemsPanel courseId={c.id} />
            {editor && (
              <Text size="sm" c="gray.8" className="stride-no-print">
                Revision {c.revision}, saved {formatDateTime(c.updatedAt)}.
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {editor && (
        <>
          <CourseStatusModal course={c} action={statusAction} onClose={() => setStatusAction(null)} />
          <CancelSessionModal session={cancelling} onClose={() => setCancelling(null)} />
        </>
      )}
    </Box>
  );
}
