import { Alert, Badge, Button, Card, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDateTime } from '../../app/web/format';
import { QuestionClocks } from '../../questions/web/question-clocks';
import { feedbackCategoryLabels } from '../feedback-schemas';
import { useFeedbackByLink, useReplyByLink, type Feedback } from './feedback-api';
import { statusColors, statusLabels } from './feedback-format';
import { FeedbackHistory } from './feedback-history';

/** The sender's private view (FB-1): each step, the unit's promise and its response; no sign-in, no name. */
export function FollowFeedbackPage() {
  const { token = '' } = useParams();
  const feedback = useFeedbackByLink(token);
  if (feedback.isLoading) return <FullPageLoader />;
  if (feedback.error || !feedback.data) return <ErrorAlert error={feedback.error} title="This link does not open any feedback" />;
  return <FollowedFeedback token={token} feedback={feedback.data} />;
}

function FollowedFeedback({ token, feedback }: { token: string; feedback: Feedback }) {
  return (
    <Stack gap="lg">
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <PageHeader
          title={`Your feedback ${feedback.reference}`}
          description={`${feedbackCategoryLabels[feedback.category]}${feedback.about ? ` · ${feedback.about}` : ''} · sent ${formatDateTime(feedback.receivedAt)}${feedback.anonymous ? ' · anonymous' : ''}`}
          actions={
            <Badge size="lg" color={statusColors[feedback.status]} c={`${statusColors[feedback.status]}.9`} variant="light" tt="none">
              {statusLabels[feedback.status]}
            </Badge>
          }
        />
        <Text style={{ whiteSpace: 'pre-wrap' }}>{feedback.body}</Text>
        {feedback.owner && (
          <Text size="sm" mt="sm" c="gray.7">
            Handled by {feedback.owner.name}
          </Text>
        )}
      </Paper>
      {feedback.response && (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="response-heading">
          <Title order={2} size="h4" id="response-heading" mb="xs">
            Our response
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="feedback-response">
            {feedback.response}
          </Text>
        </Card>
      )}
      {feedback.status === 'responded' && <ReplyForm token={token} />}
      {feedback.status === 'closed' && (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Closed" role="status">
          {feedback.senderSatisfied ? 'You told us this settles it. Thank you for helping us improve.' : 'The unit closed the loop on this feedback.'}
        </Alert>
      )}
      {feedback.clocks.length > 0 && <QuestionClocks clocks={feedback.clocks} />}
      <FeedbackHistory feedback={feedback} />
    </Stack>
  );
}

function ReplyForm({ token }: { token: string }) {
  const [satisfied, setSatisfied] = useState('yes');
  const [comment, setComment] = useState('');
  const reply = useReplyByLink(token);
  const commentError = isApiProblem(reply.error) ? reply.error.errors.find((e) => e.field === 'comment')?.message : undefined;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate({ satisfied: satisfied === 'yes', comment: comment.trim() });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="reply-heading">
      <Title order={2} size="h4" id="reply-heading" mb="xs">
        Does this settle it for you?
      </Title>
      <form onSubmit={onSubmit} noValidate aria-label="Reply to the response">
        <Stack gap="sm">
          {reply.error && !commentError && <ErrorAlert error={reply.error} title="Not sent" />}
          <Radio.Group value={satisfied} onChange={setSatisfied} label="Your answer">
            <Group mt="xs">
              <Radio value="yes" label="Yes, this settles it" />
              <Radio value="no" label="Not yet" />
            </Group>
          </Radio.Group>
          <Textarea label={satisfied === 'yes' ? 'Anything to add (optional)' : 'What is still wrong?'} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={commentError} name="comment" />
          <Group>
            <Button type="submit" loading={reply.isPending}>
              Send my answer
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
