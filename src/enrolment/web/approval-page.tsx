import { Alert, Anchor, Box, Button, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError, isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { firstName } from '../../app/web/format';
import { useUnit } from '../../app/web/hooks/use-unit';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { sessionTimes } from '../../catalog/web/catalog-format';
import { decisionInput } from '../enrolment-schemas';
import { approvalDecisions, type ApprovalDecision } from '../enrolment-values';
import { useApprovalLink, useDecideByLink, type ApprovalLinkView } from './enrolment-api';
import { atViewer } from './enrolment-format';
import { FitFlagBadge } from './audience-questions';
import { Fact } from '../../app/web/components/fact';

const signInToDecide = '/sign-in?next=%2Fteam-learning';

/** Who, what and when: all the link shows of anyone. */
function WhatIsDecided({ view }: { view: Pick<ApprovalLinkView, 'learnerName' | 'course' | 'session'> }) {
  const times = sessionTimes(view.session.startsAt, view.session.endsAt, view.session.timeZone);
  return (
    <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 6 }}>
      <Fact term="Learner">{view.learnerName}</Fact>
      <Fact term="Course">
        {view.course.title}
        {view.course.code ? ` (${view.course.code})` : ''}
      </Fact>
      <Fact term="Session">
        {times.local}
        {times.yours && (
          <Text span size="sm" display="block" c="gray.8">
            {times.yours}
          </Text>
        )}
      </Fact>
    </Box>
  );
}

/** The unit's e-mail and phone, for a link that no longer works (CA-7). */
function AskTheUnit() {
  const unit = useUnit();
  if (!unit.data) return null;
  const { contactEmail, contactPhone, unitName } = unit.data;
  return (
    <Text size="sm">
      Questions? {unitName}:{' '}
      <Anchor href={`mailto:${contactEmail}`} underline="always">
        {contactEmail}
      </Anchor>{' '}
      or{' '}
      <Anchor href={`tel:${contactPhone.replace(/[^\d+]/g, '')}`} underline="always">
        {contactPhone}
      </Anchor>
      .
    </Text>
  );
}

/** An unknown, used or expired link, or an application decided meanwhile: say so, and where to decide instead. */
function LinkDoesNotWork({ error }: { error: unknown }) {
  const known = isApiProblem(error) && error.status >= 400 && error.status < 500 && error.status !== 429;
  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
      <PageHeader title="This link no longer works" />
      <Stack gap="md">
        {known ? (
          <Alert color="red" variant="light" icon={<IconLinkOff aria-hidden />} role="alert">
            {describeError(error)}
          </Alert>
        ) : (
          <ErrorAlert error={error} title="The link cannot be read right now" />
        )}
        <Text size="sm">Approval links work once, and only until they expire. If the application still waits for you, sign in and decide it in Stride.</Text>
        <Button component={Link} to={signInToDecide} variant="default">
          Sign in to decide in Stride
        </Button>
        <AskTheUnit />
      </Stack>
    </Paper>
  );
}

const presetOf = (value: string | null): ApprovalDecision | '' => ((approvalDecisions as readonly string[]).includes(value ?? '') ? (value as ApprovalDecision) : '');

/**
 * The page behind the Approve and Decline links in a supervisor's mail (CA-3): no sign-in, the token
 * is the credential. Opening it decides nothing — mail scanners follow links — so the link's choice
 * is only preselected; the supervisor presses the button, with an optional note to the learner.
 */
export function ApprovalPage() {
  const token = useParams().token ?? '';
  const [params] = useSearchParams();
  const link = useApprovalLink(token);
  const decide = useDecideByLink(token);
  const form = useZodForm({ decision: presetOf(params.get('decision')), note: '', expectations: '' });

  if (link.isPending) return <FullPageLoader label="Reading the approval link" />;
  if (link.isError) return <LinkDoesNotWork error={link.error} />;
  const view = link.data;

  if (decide.data) {
    const outcome = decide.data;
    return (
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <PageHeader title={outcome.decision === 'approve' ? 'Application approved' : 'Application declined'} />
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" title="Done">
            {outcome.message}
          </Alert>
          <WhatIsDecided view={outcome} />
          <Text size="sm">
            Nothing more to do; you can close this page. To see your team’s enrolments,{' '}
            <Anchor component={Link} to={signInToDecide} underline="always">
              sign in to Stride
            </Anchor>
            .
          </Text>
        </Stack>
      </Paper>
    );
  }
  // A decision made meanwhile (the other link, a colleague in Stride): the same message as a spent link.
  if (decide.error && isApiProblem(decide.error) && (decide.error.status === 409 || decide.error.status === 404)) return <LinkDoesNotWork error={decide.error} />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(decisionInput);
    if (!input) return;
    const expectations = input.decision === 'approve' ? input.expectations || undefined : undefined;
    decide.mutate({ decision: input.decision, note: input.note || undefined, expectations }, { onError: (error) => form.applyProblem(error) });
  };

  const learner = firstName(view.learnerName);
  const chosen = form.values.decision;
  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
      <PageHeader
        title="Approve or decline an application"
        description={
          view.substitution
            ? `${view.learnerName} would take a colleague’s seat in this session; it needs your approval as their supervisor.`
            : `${view.learnerName} applied for this session; it needs your approval as their supervisor.`
        }
      />
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label="Your decision">
        <Stack gap="md">
          <WhatIsDecided view={view} />
          {view.flags.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Worth asking {learner} about before you decide
              </Text>
              <Group gap={6} wrap="wrap" role="list" aria-label="What the fit check noticed">
                {view.flags.map((f) => (
                  <Box key={f.rule} role="listitem">
                    <FitFlagBadge label={f.label} />
                  </Box>
                ))}
              </Group>
              <Text size="xs" c="gray.8">
                Notes for a conversation, not reasons to decline. Their answers are in Stride.
              </Text>
            </Stack>
          )}
          {decide.error && <ErrorAlert error={decide.error} formFields={['decision', 'note', 'expectations']} title="Not decided" />}
          <Radio.Group
            label="Your decision"
            description="Nothing is decided until you press the button below."
            value={chosen}
            onChange={(value) => form.setValue('decision', value as ApprovalDecision)}
            error={form.errors.decision}
          >
            <Group gap="lg" mt="xs">
              <Radio value="approve" label="Approve" />
              <Radio value="decline" label="Decline" />
            </Group>
          </Radio.Group>
          {chosen !== 'decline' && (
            <Textarea
              label="What do you expect them to do differently afterwards? (optional)"
              description="Kept with the application for the training unit and the instructor."
              autosize
              minRows={2}
              maxLength={1000}
              {...form.textProps('expectations')}
            />
          )}
          <Textarea label={`A note to ${learner} (optional)`} description="Sent with your decision." autosize minRows={2} maxLength={1000} {...form.textProps('note')} />
          <Button type="submit" color={chosen === 'decline' ? 'red' : 'teal'} loading={decide.isPending} fullWidth>
            {chosen === 'approve' ? 'Approve the application' : chosen === 'decline' ? 'Decline the application' : 'Send my decision'}
          </Button>
          <Text size="sm" c="gray.8">
            This link works once, until {atViewer(view.expiresAt)} (your time). You can also{' '}
            <Anchor component={Link} to={signInToDecide} underline="always">
              sign in and decide in Stride
            </Anchor>
            .
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
