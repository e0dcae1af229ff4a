import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import type { ObjectiveRating } from '../follow-up-values';
import { useSessionFollowUps, type FollowUpAnswersView } from './follow-up-api';

// A session's follow-up answers for its coordinators and instructor (AF-4). Responses come in the
// server's order — by role and what they say, never by time — and without names for the
// instructor where the course chose anonymity.

const ratingLabel: Record<ObjectiveRating, { label: string; color: string }> = {
  met: { label: 'Met', color: 'teal.9' },
  partly: { label: 'Partly', color: 'yellow.9' },
  not_met: { label: 'Not met', color: 'red.9' },
};
const roleLabel = { learner: 'Learner', supervisor: 'Supervisor' } as const;
const percent = (n: number, of: number) => (of === 0 ? '—' : `${Math.round((100 * n) / of)} %`);

function Rates({ rates }: { rates: FollowUpAnswersView['rates'] }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      {(['learner', 'supervisor'] as const).map((role) => (
        <Card withBorder radius="md" key={role}>
          <Text size="sm" c="gray.8">
            {roleLabel[role]}s who answered
          </Text>
          <Text fw={700} size="xl">
            {rates[role].answered} of {rates[role].sent} ({percent(rates[role].answered, rates[role].sent)})
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Response({ view, response, n }: { view: FollowUpAnswersView; response: FollowUpAnswersView['responses'][number]; n: number }) {
  const text = new Map(view.objectives.map((o) => [o.id, o.text]));
  const who = response.respondent ? `${response.respondent.name}${response.role === 'supervisor' && response.learner ? `, about ${response.learner.name}` : ''}` : 'Name not shown (anonymous to the instructor)';
  return (
    <Card withBorder radius="md" component="li">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Title order={3} size="h5">
          Response {n}: {roleLabel[response.role]}
        </Title>
        <Badge variant="outline" color="blue.9">
          Would recommend: {response.recommend} / 10
        </Badge>
      </Group>
      <Text size="sm" c="gray.8" mb="xs">
        {who}
      </Text>
      <Table.ScrollContainer minWidth={320}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Objective</Table.Th>
              <Table.Th>Rating</Table.Th>
              <Table.Th>Example</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {response.ratings.map((r) => (
              <Table.Tr key={r.objectiveId}>
                <Table.Td>{text.get(r.objectiveId)}</Table.Td>
                <Table.Td>
                  <Badge color={ratingLabel[r.rating].color}>{ratingLabel[r.rating].label}</Badge>
                </Table.Td>
                <Table.Td>{r.example ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {response.comment && (
        <Text size="sm" mt="xs">
          <Text span fw={600}>
            What should change:{' '}
          </Text>
          {response.comment}
        </Text>
      )}
    </Card>
  );
}

export function SessionFollowUpsPage() {
  const id = useParams().id ?? '';
  const answers = useSessionFollowUps(id);
  if (answers.isPending) return <FullPageLoader label="Loading the follow-up answers" />;
  if (answers.isError) return <ErrorAlert error={answers.error} title="The follow-up answers cannot be shown" />;
  const view = answers.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={`Follow-up answers: ${view.course.title}`}
        description={view.namesHidden ? 'This course keeps respondents anonymous to the instructor: names are not shown, and responses are ordered by what they say, not when they came.' : 'What learners and their supervisors told us a few weeks after the session.'}
      />
      <Rates rates={view.rates} />
      {view.responses.length === 0 ? (
        <Text>No answers yet.</Text>
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {view.responses.map((r, i) => (
            <Response key={i} view={view} response={r} n={i + 1} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
