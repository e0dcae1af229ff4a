import { Alert, Anchor, Box, Card, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatLabels, sessionTimes } from '../../catalog/web/catalog-format';
import type { EnrolmentView } from './enrolment-api';
import { EnrolmentActions } from './enrolment-actions';
import { atViewer, whereText, type Who } from './enrolment-format';
import { EnrolmentStateSummary } from './enrolment-state';
import { FitFlagBadge } from './audience-questions';
import { CertificateLink } from '../../certificates/web/certificate-link';

type Props = {
  enrolment: EnrolmentView;
  who: Who;
  /** The viewer runs enrolments for the unit. */
  staff: boolean;
  headingOrder: TitleOrder;
  /** Name the person (lists of other people's enrolments). */
  showPerson?: boolean;
};

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" fw={600} c="gray.8">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </>
  );
}

/**
 * One enrolment in a list (CA-2, CA-3): the course, the session's time where it happens and in the
 * viewer's zone, the place or the join link, the state with how it came about, and what the viewer
 * may do now.
 */
export function EnrolmentCard({ enrolment: e, who, staff, headingOrder, showPerson = false }: Props) {
  const headingId = `enrolment-${e.id}`;
  const session = e.session;
  const times = session ? sessionTimes(session.startsAt, session.endsAt, session.timeZone) : null;
  return (
    <Card component="article" withBorder radius="md" padding="md" aria-labelledby={headingId} className="stride-enrolment-card">
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 22rem' }}>
          <Title order={headingOrder} size="h5" id={headingId}>
            {showPerson && `${e.person.name}: `}
            <Anchor component={Link} to={`/catalog/courses/${e.course.id}`} inherit>
              {e.course.title}
            </Anchor>
          </Title>
          <EnrolmentStateSummary enrolment={e} who={who} />
          <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 4 }}>
            {session && times ? (
              <>
                <Fact term="When">
                  {times.local}
                  {times.yours && (
                    <Text span size="sm" c="gray.8" display="block">
                      {times.yours}
                    </Text>
                  )}
                </Fact>
                <Fact term="Where">
                  {whereText(session)}
                  {session.joinUrl && (
                    <>
                      {' · '}
                      <Anchor href={session.joinUrl} target="_blank" rel="noopener noreferrer" size="sm">
                        Join online
                      </Anchor>
                    </>
                  )}
                </Fact>
              </>
            ) : (
              <Fact term="Format">{formatLabels[e.course.format]}: self-paced, start whenever suits you</Fact>
            )}
            <Fact term={e.origin === 'self' ? 'Applied' : 'Put down'}>
              {atViewer(e.appliedAt)}
              {e.appliedBy && e.appliedBy.id !== e.person.id ? ` by ${e.appliedBy.name}` : ''}
            </Fact>
            {e.note && <Fact term="Reason">“{e.note}”</Fact>}
            {e.audience?.answers?.reason && <Fact term="Why">“{e.audience.answers.reason}”</Fact>}
            {e.audience?.expectations && <Fact term="Expected afterwards">“{e.audience.expectations.text}”</Fact>}
          </Box>
          {e.audience?.flags && e.audience.flags.length > 0 && (
            <Group gap={6} wrap="wrap" role="list" aria-label="What the fit check noticed">
              {e.audience.flags.map((f) => (
                <Box key={f.rule} role="listitem">
                  <FitFlagBadge label={f.label} />
                </Box>
              ))}
            </Group>
          )}
          {session?.status === 'cancelled' && (
            <Alert color="red" variant="light" p="xs" title="The session was cancelled">
              <Text size="sm">The training unit cancelled this session; look for another in the catalog.</Text>
            </Alert>
          )}
          {e.state === 'completed' && <CertificateLink enrolmentId={e.id} />}
          {e.replacesEnrolmentId && e.state === 'pending_approval' && <Text size="sm">Takes a colleague’s seat once approved.</Text>}
        </Stack>
        <EnrolmentActions enrolment={e} self={who.self} staff={staff} />
      </Group>
    </Card>
  );
}
