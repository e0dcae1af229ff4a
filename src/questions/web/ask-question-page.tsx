import { Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { askQuestionInput } from '../question-schemas';
import { firstResponseClock, formatDue } from './format-due';
import { useAskQuestion } from './questions-api';

const empty = { subject: '', body: '' };

/** Anyone signed in asks the unit a question; its first-response clock starts (IN-1). */
export function AskQuestionPage() {
  const navigate = useNavigate();
  const form = useZodForm(empty);
  const ask = useAskQuestion();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(askQuestionInput);
    if (!input) return;
    ask.mutate(input, {
      onSuccess: (question) => {
        const due = firstResponseClock(question.clocks)?.dueAt;
        notifications.show({
          color: 'teal',
          title: `Question ${question.reference} sent`,
          message: due ? `We'll answer by ${formatDue(due)}.` : 'The training unit will answer you here and by e-mail.',
        });
        navigate(`/questions/${question.id}`, { state: { asked: true } });
      },
      onError: (error) => form.applyProblem(error),
    });
  };

  return (
    <>
      <PageHeader title="Ask the training unit" description="About a course, a certificate, a training need — anything. The answer comes here and by e-mail." />
      <Card withBorder radius="md" padding="lg" maw={720}>
        <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Ask a question">
          <Stack gap="md">
            {ask.error && <ErrorAlert error={ask.error} formFields={Object.keys(empty)} title="Not sent" />}
            <TextInput label="Subject" description="A few words on what it is about." maxLength={200} {...form.textProps('subject')} />
            <Textarea label="Your question" autosize minRows={5} maxRows={16} {...form.textProps('body')} />
            <Group>
              <Button type="submit" loading={ask.isPending}>
                Send the question
              </Button>
              <Button component={Link} to="/questions" variant="default">
                Cancel
              </Button>
            </Group>
            <Text size="sm" c="gray.7">
              The charter says how soon we answer; the page that follows tells you when.
            </Text>
          </Stack>
        </form>
      </Card>
    </>
  );
}
