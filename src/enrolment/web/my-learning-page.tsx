import { Box, Button, Stack, Text, Title } from '@mantine/core';
import { IconBook, IconSchool } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { isLive } from '../enrolment-values';
import { useMyLearning, type EnrolmentView } from './enrolment-api';
import { EnrolmentCard } from './enrolment-card';
import { useMyTeam } from './use-my-team';

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb={hint ? 2 : 'xs'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" c="gray.8" mb="xs">
          {hint}
        </Text>
      )}
      {children}
    </Box>
  );
}

const catalogButton = (
  <Button component={Link} to="/catalog" variant="default" leftSection={<IconBook size={16} aria-hidden />}>
    Browse the catalog
  </Button>
);

/** CA-3, issue 5 item 8: the learner's sessions and courses, what is ahead and what is behind, with their state. */
export function MyLearningPage() {
  const learning = useMyLearning();
  const team = useMyTeam();
  const who = { self: true, managerName: team.manager?.name };

  const list = (items: EnrolmentView[]) => (
    <Stack gap="sm">
      {items.map((e) => (
        <EnrolmentCard key={e.id} enrolment={e} who={who} staff={team.staff} headingOrder={3} />
      ))}
    </Stack>
  );

  const body = () => {
    if (learning.isPending) return <TableSkeleton label="Loading your learning" rows={4} />;
    if (learning.isError) return <ErrorAlert error={learning.error} title="Your learning cannot be loaded" />;
    const { upcoming, past } = learning.data;
    if (upcoming.length === 0 && past.length === 0) {
      return (
        <EmptyState icon={<IconSchool size={24} />} title="Nothing booked yet" action={catalogButton}>
          Find a course in the catalog and apply for a session: it shows here with its state, from the application to the day.
        </EmptyState>
      );
    }
    const sessions = upcoming.filter((e) => e.session && isLive(e.state));
    const selfPaced = upcoming.filter((e) => !e.session && isLive(e.state));
    const ended = upcoming.filter((e) => !isLive(e.state));
    return (
      <Stack gap="xl">
        <Section id="upcoming-heading" title="Upcoming" hint="Times are shown where each session happens and, when different, in your own time zone.">
          {sessions.length > 0 ? list(sessions) : <Text>No upcoming sessions. The catalog lists what is coming up.</Text>}
        </Section>
        {selfPaced.length > 0 && (
          <Section id="self-paced-heading" title="Self-paced e-learning">
            {list(selfPaced)}
          </Section>
        )}
        {ended.length > 0 && (
          <Section id="ended-heading" title="Cancelled or declined" hint="Places given up and applications not approved, for sessions still ahead. You can apply again.">
            {list(ended)}
          </Section>
        )}
        <Section id="past-heading" title="Past">
          {past.length > 0 ? list(past) : <Text>Nothing yet.</Text>}
        </Section>
      </Stack>
    );
  };

  return (
    <>
      <PageHeader title="My learning" description="Your sessions and courses: what is coming up, what waits for a decision, and what is behind you." actions={catalogButton} />
      {body()}
    </>
  );
}
