import { Alert, Anchor, Button, Code, CopyButton, FileInput, Paper, Radio, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCircleCheck, IconPaperclip } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { useSession } from '../../app/web/hooks/use-session';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { acceptedKindsLabel } from '../../platform/files/file-schemas';
import { sizeLabel } from '../../platform/http/size-label';
import { feedbackCategoryLabels, feedbackFilePolicy, submitFeedbackInput } from '../feedback-schemas';
import { feedbackCategories } from '../schema';
import { readUpload, useSendFeedback } from './feedback-api';

const empty = { kind: 'complaint', category: '', about: '', body: '', anonymous: 'yes', name: '', email: '', attachments: '' };
const accept = 'application/pdf,image/png,image/jpeg,text/plain';

/**
 * Anyone tells the unit what went wrong or right (FB-1), signed in or not, named or anonymous.
 * Anonymous is the default choice: adverse feedback is what the unit most needs to hear.
 */
export function SendFeedbackPage() {
  const { actor, isLoading } = useSession();
  const form = useZodForm(empty);
  const [files, setFiles] = useState<File[]>([]);
  const send = useSendFeedback();

  if (isLoading) return <FullPageLoader />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const v = form.values;
    const anonymous = v.anonymous === 'yes';
    const input = form.validate(submitFeedbackInput, {
      kind: v.kind,
      category: v.category || undefined,
      about: v.about,
      body: v.body,
      anonymous,
      ...(!anonymous && !actor ? { name: v.name || undefined, email: v.email || undefined } : {}),
      attachments: await Promise.all(files.map(readUpload)),
    });
    if (input) send.mutate(input, { onError: (error) => form.applyProblem(error) });
  };

  if (send.data) {
    const receipt = send.data;
    const link = `${window.location.origin}/feedback/follow/${receipt.followToken}`;
    return (
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title={`Thank you — ${receipt.reference} received`} role="status">
            {receipt.anonymous ? 'Sent anonymously: nobody, not even the unit’s administrators, can tell who sent it.' : 'We will tell you by e-mail who looks into it, and then what we found.'}
          </Alert>
          <Text size="sm">
            Keep this private link: it shows who handles your feedback, each step, and our response, and lets you tell us whether that settles it.
            {receipt.anonymous ? ' It is the only way back to an anonymous message; it will not be shown again.' : ''}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code style={{ overflowWrap: 'anywhere' }} data-testid="follow-link">
              {link}
            </Code>
            <CopyButton value={link}>{({ copied, copy }) => <Button size="xs" variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
          </Group>
          <Anchor component={Link} to={`/feedback/follow/${receipt.followToken}`}>
            Open it now
          </Anchor>
        </Stack>
      </Paper>
    );
  }

  const fileError = form.errors.attachments;
  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
      <PageHeader title="Tell us what went wrong — or right" description="A complaint is a gift: it tells us where our service fails people. Say it plainly; you can stay anonymous." />
      <form onSubmit={(e) => void onSubmit(e)} noValidate ref={form.formRef} aria-label="Send feedback">
        <Stack gap="md">
          {send.error && <ErrorAlert error={send.error} formFields={Object.keys(empty)} title="Not sent" />}
          <Radio.Group label="What is it?" value={form.values.kind} onChange={(value) => form.setValue('kind', value)} error={form.errors.kind}>
            <Group mt="xs">
              <Radio value="complaint" label="Something went wrong" />
              <Radio value="compliment" label="Something went right" />
            </Group>
          </Radio.Group>
          <Select
            label="What is it about?"
            placeholder="Choose one"
            data={feedbackCategories.map((c) => ({ value: c, label: feedbackCategoryLabels[c] }))}
            value={form.values.category || null}
            onChange={(value) => form.setValue('category', value ?? '')}
            error={form.errors.category}
            name="category"
          />
          <TextInput label="Which course, session, person or service" description="Optional, but it helps us find what happened." maxLength={200} {...form.textProps('about')} />
          <Textarea label="What happened" autosize minRows={5} maxRows={14} {...form.textProps('body')} />
          <FileInput
            label="Attachments"
            description={`Optional: up to ${feedbackFilePolicy.maxFiles} files of ${sizeLabel(feedbackFilePolicy.maxBytes)}, ${acceptedKindsLabel(feedbackFilePolicy)}.`}
            multiple
            clearable
            accept={accept}
            value={files}
            onChange={(value) => { setFiles(value); form.setValue('attachments', ''); }}
            leftSection={<IconPaperclip size={16} aria-hidden />}
            error={fileError}
            name="attachments"
          />
          <Radio.Group label="Who is it from?" value={form.values.anonymous} onChange={(value) => form.setValue('anonymous', value)} error={form.errors.anonymous}>
            <Stack mt="xs" gap="xs">
              <Radio value="yes" label="Anonymous — nobody can see who sent it; follow it with a private link" />
              <Radio value="no" label={actor ? `From me, ${actor.name} — you get each step by e-mail` : 'From me — give your name and e-mail'} />
            </Stack>
          </Radio.Group>
          {form.values.anonymous === 'no' && !actor && (
            <>
              <TextInput label="Your name" autoComplete="name" maxLength={200} {...form.textProps('name')} />
              <TextInput label="Your e-mail" type="email" autoComplete="email" {...form.textProps('email')} />
            </>
          )}
          <Button type="submit" loading={send.isPending} fullWidth>
            Send to the training unit
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
