import { Alert, Box, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { firstName } from '../../app/web/format';
import { momentTimes } from '../../catalog/web/catalog-format';
import { COMMENT_MAX, EXAMPLE_MAX, followUpAnswerInput } from '../follow-up-schemas';
import type { ObjectiveRating } from '../follow-up-values';
import type { FollowUpAnswerInput, FollowUpAnsweredView, FollowUpFormView } from './follow-up-api';
import { Fact } from '../../app/web/components/fact';

// One form for both doors to a follow-up (AF-4): the mailed link, signed out, and /follow-ups/:id,
// signed in. Per objective: Met / Partly / Not met and an optional example; the recommendation
// question on an 11-point scale; an open comment that asks for criticism.

const ratingData: { value: ObjectiveRating; label: string }[] = [
  { value: 'met', label: 'Met' },
  { value: 'partly', label: 'Partly' },
  { value: 'not_met', label: 'Not met' },
];
const scale = Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) }));

type Answer = { rating: ObjectiveRating | ''; example: string };
type Errors = Record<string, string>;

/** Server paths (`answers.1.objectiveId`, `recommend`) onto the form's keys (`objective:<id>`, `recommend`). */
function placeErrors(fields: { field: string; message: string }[], sent: FollowUpAnswerInput['answers']): Errors {
  const out: Errors = {};
  for (const f of fields) {
    const path = f.field.replace(/^body\./, '');
    const m = /^answers\.(\d+)\.(\w+)$/.exec(path);
    const key = m ? (m[2] === 'example' ? `example:${sent[Number(m[1])]?.objectiveId}` : `objective:${sent[Number(m[1])]?.objectiveId}`) : path === 'answers' ? '_form' : path;
    out[key] ??= f.message;
  }
  return out;
}

function WhatItIsAbout({ view }: { view: FollowUpFormView }) {
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 6 }}>
      <Fact term="Course">{view.course.title}</Fact>
      {view.session && <Fact term="Session">{momentTimes(view.session.startsAt, view.session.timeZone).local}</Fact>}
      {view.role === 'supervisor' && <Fact term="Team member">{view.learnerName}</Fact>}
    </Box>
  );
}

function ThankYou({ view, answered }: { view: FollowUpFormView; answered: FollowUpAnsweredView | null }) {
  const notMet = answered?.notMetCount ?? 0;
  return (
    <Stack gap="md">
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" title="Thank you — your answers are in">
        {notMet > 0
          ? `You reported ${notMet === 1 ? 'an objective' : `${notMet} objectives`} not met. The unit’s coordinator will get in touch${view.role === 'supervisor' ? ` with you and ${firstName(view.learnerName)}` : ''} to see what would help — practice, a job aid, coaching, or no further training at all.`
          : 'What you told us goes to the people who run and teach this course, to make the next session better. If an objective is not met later on, contact the training unit below.'}
      </Alert>
      <UnitContactCard />
    </Stack>
  );
}

export function FollowUpForm({ view, answer, above }: { view: FollowUpFormView; answer: UseMutationResult<FollowUpAnsweredView, Error, FollowUpAnswerInput>; above?: ReactNode }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => Object.fromEntries(view.objectives.map((o) => [o.id, { rating: '', example: '' }])));
  const [recommend, setRecommend] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const ids = useId();
  const learner = firstName(view.learnerName);

  if (answer.data || view.state === 'answered') {
    return (
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
        <PageHeader title="Follow-up sent" above={above} />
        <ThankYou view={view} answered={answer.data ?? null} />
      </Paper>
    );
  }
  if (view.state === 'closed' || (isApiProblem(answer.error) && answer.error.status === 409)) {
    return (
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
        <PageHeader title="This follow-up has closed" above={above} />
        <Stack gap="md">
          <Text size="sm">{isApiProblem(answer.error) ? answer.error.message : 'Follow-up forms take answers for three weeks. If you still want to tell us something, the training unit would like to hear it.'}</Text>
          <UnitContactCard />
        </Stack>
      </Paper>
    );
  }

  const setAnswer = (id: string, patch: Partial<Answer>) => {
    setAnswers((prev) => ({ ...prev, [id]: { ...prev[id]!, ...patch } }));
    setErrors((prev) => {
      const next = { ...prev };
      delete next[`objective:${id}`];
      delete next[`example:${id}`];
      return next;
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    for (const o of view.objectives) if (!answers[o.id]?.rating) next[`objective:${o.id}`] = 'Choose met, partly or not met.';
    if (recommend === '') next.recommend = 'Choose a number from 0 to 10.';
    const input = {
      answers: view.objectives.map((o) => ({ objectiveId: o.id, rating: answers[o.id]!.rating as ObjectiveRating, ...(answers[o.id]!.example.trim() ? { example: answers[o.id]!.example } : {}) })),
      recommend: Number(recommend),
      ...(comment.trim() ? { comment } : {}),
    };
    const parsed = followUpAnswerInput.safeParse(input);
    if (!parsed.success) Object.assign(next, placeErrors(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })), input.answers), next);
    setErrors(next);
    if (Object.keys(next).length) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-invalid="true"] input, [aria-invalid="true"]')?.focus());
      return;
    }
    answer.mutate(parsed.data!, { onError: (error) => isApiProblem(error) && setErrors(placeErrors(error.errors, input.answers)) });
  };

  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
      <PageHeader
        above={above}
        title={view.role === 'learner' ? 'How is it going?' : `What have you seen of ${learner}’s learning?`}
        description={
          view.role === 'learner'
            ? 'For each objective of the course: can you now do it at work? An example helps, but is optional.'
            : `For each objective of the course: have you observed ${learner} applying it in their work? An example helps, but is optional.`
        }
      />
      <form onSubmit={onSubmit} noValidate aria-label="Follow-up">
        <Stack gap="lg">
          <WhatItIsAbout view={view} />
          {view.anonymousToInstructor && (
            <Text size="sm" c="gray.8">
              Your name is not shown to the instructor with your answers; the training unit’s coordinators see it, so they can help.
            </Text>
          )}
          {answer.error && !isApiProblem(answer.error) && <ErrorAlert error={answer.error} title="Not sent" />}
          {errors._form && (
            <Alert color="red" variant="light" role="alert">
              {errors._form}
            </Alert>
          )}
          <Stack gap="md" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Objectives">
            {view.objectives.map((o, i) => {
              const labelId = `${ids}-objective-${i}`;
              const error = errors[`objective:${o.id}`];
              return (
                <Box component="li" key={o.id} data-invalid={error ? 'true' : undefined}>
                  <Stack gap={6}>
                    <Text id={labelId} fw={600} size="sm">
                      {i + 1}. {o.text}
                    </Text>
                    <SegmentedControl
                      fullWidth
                      aria-labelledby={labelId}
                      data={ratingData}
                      value={answers[o.id]?.rating || ''}
                      onChange={(value) => setAnswer(o.id, { rating: value as ObjectiveRating })}
                      color={answers[o.id]?.rating === 'not_met' ? 'red.9' : answers[o.id]?.rating === 'met' ? 'teal.9' : 'blue.9'}
                    />
                    {error && (
                      <Text size="sm" c="red.9" role="alert">
                        {error}
                      </Text>
                    )}
                    <Textarea
                      label="An example (optional)"
                      autosize
                      minRows={1}
                      maxLength={EXAMPLE_MAX}
                      value={answers[o.id]?.example ?? ''}
                      onChange={(e) => setAnswer(o.id, { example: e.currentTarget.value })}
                      error={errors[`example:${o.id}`]}
                    />
                  </Stack>
                </Box>
              );
            })}
          </Stack>
          <Stack gap={6} data-invalid={errors.recommend ? 'true' : undefined}>
            <Title order={2} size="h5" id={`${ids}-recommend`}>
              How likely are you to recommend this course to a colleague?
            </Title>
            <SegmentedControl fullWidth size="xs" aria-labelledby={`${ids}-recommend`} aria-describedby={`${ids}-scale`} data={scale} value={recommend} onChange={(v) => { setRecommend(v); setErrors(({ recommend: _, ...rest }) => rest); }} />
            <Group justify="space-between" gap="xs" id={`${ids}-scale`}>
              <Text size="xs" c="gray.8">
                0 = not at all likely
              </Text>
              <Text size="xs" c="gray.8">
                10 = extremely likely
              </Text>
            </Group>
            {errors.recommend && (
              <Text size="sm" c="red.9" role="alert">
                {errors.recommend}
              </Text>
            )}
          </Stack>
          <Textarea
            label="What should we change? Criticism helps us most."
            description="Optional. What did not work, what was missing, what you would cut."
            autosize
            minRows={3}
            maxLength={COMMENT_MAX}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={errors.comment}
          />
          <Group>
            <Button type="submit" loading={answer.isPending}>
              Send my answers
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
