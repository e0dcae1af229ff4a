import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconMessageQuestion } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { useAnswerFollowUp, useFollowUp, useMyFollowUps, type MyFollowUpsView } from './follow-up-api';
import { FollowUpForm } from './follow-up-form';

const day = (iso: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
const stateBadge = { open: { color: 'blue.9', label: 'Waiting for you' }, answered: { color: 'teal.9', label: 'Answered' }, closed: { color: 'gray.8', label: 'Closed' } } as const;

function FollowUpCard({ item }: { item: MyFollowUpsView[number] }) {
  const badge = stateBadge[item.state];
  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600}>{item.course.title}</Text>
          <Text size="sm" c="gray.8">
            {item.role === 'learner' ? 'About your own learning' : `About ${item.learnerName}’s learning`} · {item.state === 'open' ? `open until ${day(item.closesAt)}` : item.answeredAt ? `answered ${day(item.answeredAt)}` : `closed ${day(item.closesAt)}`}
          </Text>
        </Stack>
        <Badge color={badge.color} variant="filled">
          {badge.label}
        </Badge>
      </Group>
      {item.state === 'open' && (
        <Anchor component={Link} to={`/follow-ups/${item.id}`} mt="sm" underline="always">
          Answer the follow-up about {item.course.title}
        </Anchor>
      )}
    </Card>
  );
}

/** The follow-ups I am asked to answer, as a learner or a supervisor (AF-4). */
export function MyFollowUpsPage() {
  const mine = useMyFollowUps();
  return (
    <Stack gap="lg">
      <PageHeader title="Follow-ups" description="A few weeks after a course, we ask how applying it is going — you about your own learning, and supervisors about their team’s." />
      {mine.isPending ? (
        <FullPageLoader label="Loading your follow-ups" />
      ) : mine.isError ? (
        <ErrorAlert error={mine.error} title="Your follow-ups cannot be read right now" />
      ) : mine.data.length === 0 ? (
        <EmptyState icon={<IconMessageQuestion aria-hidden />} title="No follow-ups yet">
          When a course you took (or a team member took) is a few weeks behind you, its follow-up appears here.
        </EmptyState>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {mine.data.map((item) => (
            <FollowUpCard key={item.id} item={item} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** One of my follow-ups, signed in: the same form as the mailed link. */
export function FollowUpPage() {
  const id = useParams().id ?? '';
  const form = useFollowUp(id);
  const answer = useAnswerFollowUp(id);
  const back = (
    <Anchor component={Link} to="/follow-ups" size="sm" underline="always">
      All my follow-ups
    </Anchor>
  );
  if (form.isPending) return <FullPageLoader label="Loading the follow-up" />;
  if (form.isError) return <ErrorAlert error={form.error} title="This follow-up cannot be shown" />;
  return <FollowUpForm view={form.data} answer={answer} above={back} />;
}
