import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useActor } from '../../app/web/hooks/use-session';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { answerQuestionInput } from '../question-schemas';
import { useAnswerQuestion, useAssignQuestion, type Question } from './questions-api';
import { useQuestionStaff } from './use-question-staff';

/** For the unit's staff: who handles the question, and the answer (mailed to the asker). */
export function QuestionWork({ question }: { question: Question }) {
  const actor = useActor();
  const staff = useQuestionStaff();
  const assign = useAssignQuestion(question.id);
  const answer = useAnswerQuestion(question.id);
  const [assigneeId, setAssigneeId] = useState<string | null>(question.assignee?.id ?? null);
  const form = useZodForm({ body: '' });

  const options = [...staff.options];
  if (question.assignee && !options.some((o) => o.value === question.assignee?.id)) options.unshift({ value: question.assignee.id, label: question.assignee.name });
  if (!options.some((o) => o.value === actor.id)) options.unshift({ value: actor.id, label: actor.name });

  const onAssign = (event: FormEvent) => {
    event.preventDefault();
    assign.mutate(assigneeId, {
      onSuccess: (saved) => notifications.show({ color: 'teal', title: 'Assigned', message: saved.assignee ? `${saved.assignee.name} handles ${saved.reference}.` : `${saved.reference} is unassigned.` }),
    });
  };

  const onAnswer = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(answerQuestionInput);
    if (!input) return;
    answer.mutate(input.body, {
      onSuccess: (saved) => {
        form.reset({ body: '' });
        notifications.show({ color: 'teal', title: 'Answer sent', message: `${saved.asker.name} gets it by e-mail.` });
      },
      onError: (error) => form.applyProblem(error),
    });
  };

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="assign-heading">
        <Title order={2} size="h4" mb="sm" id="assign-heading">
          Assign
        </Title>
        <form onSubmit={onAssign} aria-label="Assign the question">
          <Stack gap="sm">
            {assign.error && <ErrorAlert error={assign.error} title="Not assigned" />}
            <Select
              label="Assignee"
              description="Its clock's warnings go to them."
              placeholder={staff.isPending ? 'Loading staff…' : 'Unassigned'}
              data={options}
              value={assigneeId}
              onChange={setAssigneeId}
              searchable
              clearable
              nothingFoundMessage="No one matches"
            />
            <Group>
              <Button type="submit" variant="default" loading={assign.isPending} disabled={assigneeId === (question.assignee?.id ?? null)}>
                Save assignee
              </Button>
              {question.assignee?.id !== actor.id && (
                <Button variant="subtle" onClick={() => { setAssigneeId(actor.id); assign.mutate(actor.id); }} disabled={assign.isPending}>
                  Assign to me
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="answer-heading">
        <Title order={2} size="h4" mb="sm" id="answer-heading">
          Answer
        </Title>
        <form onSubmit={onAnswer} noValidate ref={form.formRef} aria-label="Answer the question">
          <Stack gap="sm">
            {answer.error && <ErrorAlert error={answer.error} formFields={['body']} title="Not sent" />}
            <Textarea label="Your answer" autosize minRows={5} maxRows={16} {...form.textProps('body')} />
            <Group>
              <Button type="submit" loading={answer.isPending}>
                Send the answer
              </Button>
              <Text size="sm" c="gray.7">
                The answer is mailed to {question.asker.name} ({question.asker.email}).
              </Text>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
