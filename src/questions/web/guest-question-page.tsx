import { Alert, Anchor, Button, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { useSession } from '../../app/web/hooks/use-session';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { guestQuestionInput } from '../question-schemas';
import { formatDue } from './format-due';
import { useAskAsGuest } from './questions-api';

const empty = { name: '', email: '', subject: '', body: '' };

/**
 * The public form (IN-1): anyone, account or not, asks the unit. Signed-in people are sent to the
 * form that keeps the question on their "My questions" page.
 */
export function GuestQuestionPage() {
  const { actor, isLoading } = useSession();
  const form = useZodForm(empty);
  const ask = useAskAsGuest();

  if (isLoading) return <FullPageLoader />;
  if (actor) return <Navigate to="/questions/ask" replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(guestQuestionInput);
    if (input) ask.mutate(input, { onError: (error) => form.applyProblem(error) });
  };

  if (ask.data) {
    const receipt = ask.data;
    return (
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={`Question ${receipt.reference} received`} role="status">
            {receipt.firstResponseDueAt && receipt.firstResponseTarget
              ? `We promise a first answer within ${receipt.firstResponseTarget}: by ${formatDue(receipt.firstResponseDueAt)}.`
              : 'We will answer as soon as we can.'}
          </Alert>
          <Text size="sm">A receipt is on its way to your e-mail, and the answer will come to the same address. Quote {receipt.reference} if you write or call us about it.</Text>
          <Button variant="default" onClick={() => { ask.reset(); form.reset(empty); }}>
            Ask another question
          </Button>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
      <PageHeader title="Ask the training unit" description="No account needed: about a course, a certificate, a training need — anything. The answer comes by e-mail." />
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Ask a question">
        <Stack gap="md">
          {ask.error && <ErrorAlert error={ask.error} formFields={Object.keys(empty)} title="Not sent" />}
          <TextInput label="Your name" autoComplete="name" maxLength={200} {...form.textProps('name')} />
          <TextInput label="Your e-mail" description="The answer goes here." type="email" autoComplete="email" {...form.textProps('email')} />
          <TextInput label="Subject" description="A few words on what it is about." maxLength={200} {...form.textProps('subject')} />
          <Textarea label="Your question" autosize minRows={5} maxRows={14} {...form.textProps('body')} />
          <Button type="submit" loading={ask.isPending} fullWidth>
            Send the question
          </Button>
          <Text size="sm" ta="center">
            Have a Stride account?{' '}
            <Anchor component={Link} to="/sign-in?next=%2Fquestions%2Fask">
              Sign in
            </Anchor>{' '}
            to follow your questions in Stride.
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
