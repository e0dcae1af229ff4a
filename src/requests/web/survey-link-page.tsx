import { Alert, Button, Paper, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import { describeError, isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { formatDate } from '../../app/web/format';
import { causeKinds, type CauseKind } from '../request-values';
import { confidenceLabels, surveyAnswerInput, type SurveyFormView } from '../survey-schemas';
import { useAnswerSurvey, useSurveyLink } from './survey-api';

// In the words of the people who do the work, not the consultant's categories.
const causeWords: Record<CauseKind, string> = {
  knowledge_skill: 'I was never shown how, or need more practice',
  unclear_role: 'It is not clear who is supposed to do it',
  unclear_procedure: 'The procedure is unclear or the guides disagree',
  tools_resources: 'The tools or time I have get in the way',
  management_feedback_incentives: 'Nobody tells me how I am doing, or doing it well is not rewarded',
  motivation: 'It does not seem worth the effort',
  selection: 'The job asks for something people here were not hired for',
};

function Frame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
      <PageHeader title={title} />
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/**
 * RQ-4: the short questionnaire behind the mailed link, answered without signing in (the token is
 * the credential). Opening it spends nothing; sending the answers does, once.
 */
export function SurveyLinkPage() {
  const token = useParams().token ?? '';
  const link = useSurveyLink(token);
  if (link.isPending) return <FullPageLoader label="Reading the questionnaire" />;
  if (link.isError) {
    const known = isApiProblem(link.error) && link.error.status >= 400 && link.error.status < 500 && link.error.status !== 429;
    return (
      <Frame title="This link does not work">
        {known ? (
          <Alert color="red" variant="light" icon={<IconLinkOff aria-hidden />} role="alert">
            {describeError(link.error)}
          </Alert>
        ) : (
          <ErrorAlert error={link.error} title="The questionnaire cannot be read right now" />
        )}
        <UnitContactCard />
      </Frame>
    );
  }
  return <SurveyForm token={token} view={link.data} />;
}

function SurveyForm({ token, view }: { token: string; view: SurveyFormView }) {
  const answer = useAnswerSurvey(token);
  const form = useZodForm({ obstacles: '', wouldHelp: '', confidence: '', cause: '' });
  if (answer.data || view.state === 'answered') {
    return (
      <Frame title="Thank you — your answers are in">
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status">
          The training unit reads them with the others’, without your name, before it recommends anything.
        </Alert>
        <UnitContactCard />
      </Frame>
    );
  }
  if (view.state === 'closed' || (isApiProblem(answer.error) && answer.error.status === 409)) {
    return (
      <Frame title="This questionnaire has closed">
        <Text size="sm">{isApiProblem(answer.error) ? answer.error.message : `It took answers until ${formatDate(view.closesAt)}. If you still want to tell the training unit something, it would like to hear it.`}</Text>
        <UnitContactCard />
      </Frame>
    );
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(surveyAnswerInput, { ...form.values, confidence: form.values.confidence ? Number(form.values.confidence) : undefined, cause: form.values.cause || null });
    if (input) answer.mutate(input, { onError: (e) => form.applyProblem(e) });
  };
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
      <PageHeader
        title="Five minutes on your work"
        description={`${view.askedBy} of the training unit is looking into “${view.requestTitle}” and would like to hear from the people who do the work, ${view.personName.split(' ')[0]}, before anything is decided. The unit reads your answers without your name.`}
      />
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Questionnaire">
        <Stack gap="md">
          {answer.error && !isApiProblem(answer.error) && <ErrorAlert error={answer.error} title="Not sent" />}
          <Textarea label="What gets in the way of doing this part of your work well?" required autosize minRows={3} maxLength={2000} {...form.textProps('obstacles')} />
          <Textarea label="What would help you most?" required autosize minRows={3} maxLength={2000} {...form.textProps('wouldHelp')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="confidence-label">
              How confident do you feel about it today? <span aria-hidden>*</span>
            </Text>
            <SegmentedControl aria-labelledby="confidence-label" data={confidenceLabels.map((label, i) => ({ value: String(i + 1), label }))} value={form.values.confidence} onChange={(v) => form.setValue('confidence', v)} />
            {form.errors.confidence && (
              <Text size="sm" c="red.8" role="alert">
                {form.errors.confidence}
              </Text>
            )}
          </Stack>
          <Radio.Group label="Which comes closest to the main reason? (optional)" value={form.values.cause} onChange={(v) => form.setValue('cause', v)} error={form.errors.cause}>
            <Stack gap={6} mt={6}>
              {causeKinds.map((c) => (
                <Radio key={c} value={c} label={causeWords[c]} />
              ))}
              <Radio value="" label="None of these" />
            </Stack>
          </Radio.Group>
          <Button type="submit" loading={answer.isPending}>
            Send my answers
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
