import { Button, Card, Group, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { logQuestionInput } from '../question-schemas';
import { PersonSelect } from '../../people/web/person-select';
import { useLogQuestion } from './questions-api';

type Values = { channel: string; askerId: string | null; askerName: string; askerEmail: string; askedAt: string; subject: string; body: string };
const empty: Values = { channel: 'phone', askerId: null, askerName: '', askerEmail: '', askedAt: '', subject: '', body: '' };

/** A datetime-local value ("2026-05-22T16:55") is the viewer's local time; the server wants an instant. */
function instantOf(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** Staff log a phone call or an e-mail on the asker's behalf; the clock starts when it happened. */
export function LogQuestionPage() {
  const navigate = useNavigate();
  const form = useZodForm<Values>(empty);
  const { values, errors, setValue } = form;
  const log = useLogQuestion();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(logQuestionInput, {
      channel: values.channel,
      askerId: values.askerId ?? undefined,
      askerName: values.askerId ? undefined : values.askerName.trim() || undefined,
      askerEmail: values.askerId ? undefined : values.askerEmail.trim() || undefined,
      askedAt: instantOf(values.askedAt),
      subject: values.subject,
      body: values.body,
    });
    if (!input) return;
    log.mutate(input, {
      onSuccess: (question) => {
        notifications.show({ color: 'teal', title: `Question ${question.reference} logged`, message: `${question.asker.name} gets the answer by e-mail.` });
        navigate(`/questions/${question.id}`);
      },
      onError: (error) => form.applyProblem(error),
    });
  };

  return (
    <>
      <PageHeader title="Log a call or e-mail" description="A question that reached the unit by phone or e-mail, recorded on the asker's behalf. Its clock starts when it was asked." />
      <Card withBorder radius="md" padding="lg" maw={720}>
        <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Log a question">
          <Stack gap="md">
            {log.error && <ErrorAlert error={log.error} formFields={Object.keys(empty)} title="Not logged" />}
            <Radio.Group label="Channel" value={values.channel} onChange={(v) => setValue('channel', v)} error={errors.channel}>
              <Group mt="xs">
                <Radio value="phone" label="Phone" />
                <Radio value="email" label="E-mail" />
              </Group>
            </Radio.Group>
            <PersonSelect
              label="Asked by"
              description="Type a name to search the directory; leave empty for someone without an account."
              placeholder="Someone without an account"
              value={values.askerId}
              onChange={(id) => setValue('askerId', id)}
              error={errors.askerId}
            />
            {!values.askerId && (
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <TextInput label="Their name" {...form.textProps('askerName')} />
                <TextInput label="Their e-mail" type="email" description="The answer goes there." {...form.textProps('askerEmail')} />
              </SimpleGrid>
            )}
            <TextInput label="Asked at" type="datetime-local" description="When they called or wrote, in your time zone; empty means now." {...form.textProps('askedAt')} />
            <TextInput label="Subject" maxLength={200} {...form.textProps('subject')} />
            <Textarea label="The question" autosize minRows={5} maxRows={16} {...form.textProps('body')} />
            <Group>
              <Button type="submit" loading={log.isPending}>
                Log the question
              </Button>
              <Button component={Link} to="/questions" variant="default">
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  );
}
