import { Alert, Anchor, Button, Card, Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconMessageQuestion } from '@tabler/icons-react';
import { Link, useLocation, useParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { questionStaffRoles } from '../question-staff';
import { QuestionClocks } from './question-clocks';
import { channelLabels, statusLabels } from './question-filters';
import { QuestionWork } from './question-work';
import { firstResponseClock, formatDue } from './format-due';
import { isNotFound, useQuestion } from './questions-api';

const back = (
  <Anchor component={Link} to="/questions" size="sm">
    ← Questions
  </Anchor>
);

/** One question: what was asked, the answers, its clocks; staff assign and answer it here. */
export function QuestionPage() {
  const { id } = useParams();
  const actor = useActor();
  const location = useLocation();
  const question = useQuestion(id);
  const staff = hasRole(actor, ...questionStaffRoles);

  if (question.isPending) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the question">
        <Skeleton height={32} width={320} />
        <Skeleton height={220} />
      </Stack>
    );
  }
  if (question.isError) {
    if (isNotFound(question.error)) {
      return (
        <>
          <PageHeader above={back} title="Question not found" />
          <EmptyState
            icon={<IconMessageQuestion size={24} />}
            title="There is no such question"
            action={
              <Button component={Link} to="/questions" variant="light">
                See your questions
              </Button>
            }
          >
            It may have been mistyped, or it belongs to someone else.
          </EmptyState>
        </>
      );
    }
    return (
      <>
        <PageHeader above={back} title="Question not available" />
        <ErrorAlert error={question.error} title="This question cannot be shown" />
      </>
    );
  }

  const q = question.data;
  const due = firstResponseClock(q.clocks)?.dueAt;
  const justAsked = (location.state as { asked?: boolean } | null)?.asked;

  return (
    <>
      <PageHeader
        above={back}
        title={q.subject}
        description={`${q.reference} · ${channelLabels[q.channel]} · ${statusLabels[q.status]} · asked by ${q.asker.name} on ${formatDue(q.askedAt)}${q.loggedBy ? `, logged by ${q.loggedBy.name}` : ''}`}
      />
      {justAsked && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Your question has reached the training unit" mb="lg" role="status">
          {due ? `We'll answer by ${formatDue(due)}.` : 'We will answer here and by e-mail.'} You will get the answer by e-mail too.
        </Alert>
      )}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: staff ? 7 : 12 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="conversation-heading">
              <Title order={2} size="h4" mb="sm" id="conversation-heading">
                Conversation
              </Title>
              <Stack gap="md">
                <article aria-label={`Question from ${q.asker.name}`}>
                  <Text size="sm" fw={600}>
                    {q.asker.name} asked · {formatDue(q.askedAt)}
                  </Text>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{q.body}</Text>
                </article>
                {q.messages.length === 0 ? (
                  <Text c="gray.7">No answer yet{due ? ` — due ${formatDue(due)}` : ''}.</Text>
                ) : (
                  q.messages.map((m) => (
                    <Card key={m.id} component="article" withBorder radius="md" padding="md" bg="gray.0" aria-label={`Answer from ${m.author?.name ?? 'the training unit'}`}>
                      <Text size="sm" fw={600}>
                        {m.author?.name ?? 'The training unit'} answered · {formatDue(m.at)}
                      </Text>
                      <Text style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text>
                    </Card>
                  ))
                )}
              </Stack>
            </Card>
            {q.clocks.length > 0 && <QuestionClocks clocks={q.clocks} />}
          </Stack>
        </Grid.Col>
        {staff && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <QuestionWork question={q} />
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
