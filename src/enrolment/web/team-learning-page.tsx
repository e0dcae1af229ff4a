import { Badge, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useMemo } from 'react';
import { z } from 'zod';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { useAwaitingApproval, useTeamLearning, type EnrolmentView, type LearningView } from './enrolment-api';
import { EnrolmentCard } from './enrolment-card';
import { useMyTeam } from './use-my-team';
import { PageSection } from '../../app/web/components/page-section';

type Member = { id: string; name: string; jobTitle: string; upcoming: EnrolmentView[]; past: EnrolmentView[] };

/** The team's enrolments, one group per person, by name. */
function byPerson(view: LearningView | undefined): Member[] {
  const members = new Map<string, Member>();
  const add = (e: EnrolmentView, when: 'upcoming' | 'past') => {
    let m = members.get(e.person.id);
    if (!m) members.set(e.person.id, (m = { ...e.person, upcoming: [], past: [] }));
    m[when].push(e);
  };
  view?.upcoming.forEach((e) => add(e, 'upcoming'));
  view?.past.forEach((e) => add(e, 'past'));
  return [...members.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const personParam = z.uuid();

/**
 * CA-3, issue 5 item 8: a supervisor's page. Applications waiting for their decision come first
 * (for coordinators also those a coordinator approves), then their reports' enrolments, upcoming and
 * past, grouped by person, with a filter by person held in the URL.
 */
export function TeamLearningPage() {
  const team = useMyTeam();
  const { params, update } = useUrlFilters();
  const parsed = personParam.safeParse(params.get('person') ?? '');
  const personId = parsed.success ? parsed.data : null;
  const awaiting = useAwaitingApproval();
  const everyone = useTeamLearning(null);
  const filtered = useTeamLearning(personId);
  const shown = personId ? filtered : everyone;
  const members = useMemo(() => byPerson(shown.data), [shown.data]);
  const options = useMemo(() => {
    const list = byPerson(everyone.data).map((m) => ({ value: m.id, label: m.name }));
    // A person from a shared link who has nothing listed yet still shows as the filter's value.
    if (personId && !list.some((o) => o.value === personId)) list.push({ value: personId, label: members[0]?.name ?? 'The chosen person' });
    return list;
  }, [everyone.data, personId, members]);
  const who = { self: false };

  const pending = () => {
    if (awaiting.isPending) return <TableSkeleton label="Loading applications waiting for you" rows={2} />;
    if (awaiting.isError) return <ErrorAlert error={awaiting.error} title="The applications waiting for you cannot be loaded" />;
    if (awaiting.data.length === 0) return <Text>Nothing is waiting for your decision.</Text>;
    return (
      <Stack gap="sm">
        {awaiting.data.map((e) => (
          <EnrolmentCard key={e.id} enrolment={e} who={who} staff={team.staff} headingOrder={3} showPerson />
        ))}
      </Stack>
    );
  };

  const enrolments = () => {
    if (shown.isPending) return <TableSkeleton label="Loading your team’s enrolments" rows={4} />;
    if (shown.isError) return <ErrorAlert error={shown.error} title="Your team’s enrolments cannot be loaded" />;
    if (members.length === 0) {
      return (
        <EmptyState icon={<IconUsersGroup size={24} />} title={personId ? 'No enrolments for this person' : team.hasReports ? 'No enrolments in your team yet' : 'No one reports to you in Stride'}>
          {team.hasReports || personId
            ? 'When someone in your team applies, or you nominate them from a session in the catalog, it shows here.'
            : 'Supervisors see their reports’ enrolments here; the org chart says who reports to whom.'}
        </EmptyState>
      );
    }
    return (
      <Stack gap="lg">
        {members.map((m) => (
          <Paper key={m.id} component="section" withBorder radius="md" p={{ base: 'sm', sm: 'md' }} aria-labelledby={`member-${m.id}`} bg="gray.0">
            <Group gap="xs" mb="sm" align="baseline" wrap="wrap">
              <Title order={3} size="h4" id={`member-${m.id}`}>
                {m.name}
              </Title>
              {m.jobTitle && (
                <Text size="sm" c="gray.8">
                  {m.jobTitle}
                </Text>
              )}
              <Badge variant="outline" color="gray" c="gray.8" radius="sm" tt="none">
                {m.upcoming.length} upcoming · {m.past.length} past
              </Badge>
            </Group>
            <Stack gap="sm">
              {[...m.upcoming, ...m.past].map((e) => (
                <EnrolmentCard key={e.id} enrolment={e} who={who} staff={team.staff} headingOrder={4} />
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  };

  return (
    <>
      <PageHeader
        title="My team’s learning"
        description="Applications waiting for your decision, then the enrolments of the people who report to you, directly or further down."
      />
      <Stack gap="xl">
        <PageSection
          id="awaiting-heading"
          title="Waiting for your approval"
          description={team.staff ? 'Your reports’ applications, and every application a coordinator approves, oldest first.' : 'Your reports’ applications, oldest first. Each also came to you by e-mail.'}
        >
          {pending()}
        </PageSection>
        <PageSection id="team-heading" title="Your team’s enrolments" description="Upcoming first, soonest first; then past ones. Times are shown where each session happens and in your own time zone.">
          {options.length > 0 && (
            <Select
              label="Person"
              placeholder="Everyone in your team"
              data={options}
              value={personId}
              onChange={(id) => update({ person: id })}
              clearable
              searchable
              maw={320}
              mb="md"
            />
          )}
          {enrolments()}
        </PageSection>
      </Stack>
    </>
  );
}
