import { Anchor, Badge, Box, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { plural } from '../../app/web/format';
import type { SessionView } from './catalog-api';
import { approvalWords, languageName, momentTimes, sessionTimes, viewerTimeZone } from './catalog-format';

function where(session: SessionView, editor: boolean): ReactNode {
  const link = editor && session.joinUrl ? (
    <Anchor href={session.joinUrl} target="_blank" rel="noopener noreferrer" size="sm">
      join link
    </Anchor>
  ) : null;
  if (session.place && session.online) {
    return (
      <>
        {session.place}, and online{link ? <> ({link})</> : null}
      </>
    );
  }
  if (session.place) return session.place;
  if (session.online) return link ? <>Online ({link})</> : 'Online (the link comes with your confirmation)';
  return 'To be announced';
}

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

type Props = {
  session: SessionView;
  /** Show the session's language: the course is taught in more than one. */
  showLanguage: boolean;
  editor: boolean;
  /** Buttons for this session: the editors' today, a learner's application next (CA-3). */
  actions?: ReactNode;
};

/** One session: when, in its own zone and the viewer's (CA-2), where, by whom, how many seats, until when and who approves. */
export function SessionItem({ session, showLanguage, editor, actions }: Props) {
  const viewer = viewerTimeZone();
  const times = sessionTimes(session.startsAt, session.endsAt, session.timeZone, viewer);
  const deadline = momentTimes(session.enrolmentDeadline, session.timeZone, viewer);
  const cancelled = session.status === 'cancelled';
  return (
    <Card component="li" withBorder radius="md" padding="md" className="stride-catalog-session" aria-label={`Session ${times.local}`}>
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 22rem' }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700} td={cancelled ? 'line-through' : undefined}>
              {times.local}
            </Text>
            {cancelled && (
              <Badge color="red" variant="light" c="red.9" radius="sm" tt="none">
                Cancelled
              </Badge>
            )}
          </Group>
          {times.yours && (
            <Text size="sm" c="gray.8" fw={500}>
              {times.yours}
            </Text>
          )}
          <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 4 }}>
            <Fact term="Where">{where(session, editor)}</Fact>
            <Fact term="Instructor">
              {session.instructor ? (
                <>
                  {session.instructor.name}
                  {session.instructor.external ? ' (external)' : ''}
                  {editor && session.instructor.email ? ` · ${session.instructor.email}` : ''}
                </>
              ) : (
                'To be announced'
              )}
            </Fact>
            {showLanguage && <Fact term="Language">{languageName(session.language)}</Fact>}
            <Fact term="Seats">{plural(session.capacity, 'seat')}</Fact>
            <Fact term="Enrol by">
              {session.enrolmentDeadline === session.startsAt ? 'Until the session starts' : deadline.yours ? `${deadline.local} (${deadline.yours})` : deadline.local}
            </Fact>
            <Fact term="Approval">{approvalWords[session.approvalMode]}</Fact>
            {cancelled && session.cancellationReason && <Fact term="Why cancelled">{session.cancellationReason}</Fact>}
          </Box>
        </Stack>
        {actions && (
          <Group gap="xs" className="stride-no-print">
            {actions}
          </Group>
        )}
      </Group>
    </Card>
  );
}
