import { Box, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { plural } from '../../app/web/format';
import { experienceWords, FitFlagBadge, levelWords, prerequisiteWords } from './audience-questions';
import { useSessionAudience, type EnrolmentView, type SessionAudienceView } from './enrolment-api';
import { atViewer } from './enrolment-format';
import { EnrolmentStateBadge } from './enrolment-state';
import { RedirectModal } from './redirect-modal';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" fw={600} c="gray.8">
        {term}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </>
  );
}

const grid = { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 4 } as const;

function Summary({ view }: { view: SessionAudienceView }) {
  const { summary, course } = view;
  const raised = summary.byRule.filter((r) => r.count > 0);
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" fw={600}>
        {plural(summary.applicants, 'applicant')} · {summary.answered} answered · {summary.withExpectations} with supervisor expectations · {summary.flagged} flagged
      </Text>
      {raised.length > 0 ? (
        <Group gap={6} mt="xs" wrap="wrap" aria-label="Flags by rule" role="list">
          {raised.map((r) => (
            <Box key={r.rule} role="listitem">
              <FitFlagBadge label={`${r.label}: ${r.count}`} />
            </Box>
          ))}
        </Group>
      ) : (
        <Text size="sm" mt="xs">
          No flags: nothing to talk over.
        </Text>
      )}
      <Box component="dl" m={0} mt="sm" style={grid}>
        <Fact term="Meant for">
          {course.audience || 'Not said'}
          {course.audienceUnits.length > 0 ? ` · Units: ${course.audienceUnits.map((u) => u.name).join(', ')}` : ''}
        </Fact>
        <Fact term="Prerequisites">{course.prerequisites || 'None'}</Fact>
        {course.introductory && <Fact term="Introductory">{course.introductory}</Fact>}
      </Box>
    </Paper>
  );
}

function Applicant({ e, onRedirect }: { e: EnrolmentView; onRedirect: (e: EnrolmentView) => void }) {
  const headingId = `audience-${e.id}`;
  const a = e.audience;
  const answers = a?.answers;
  return (
    <Card component="article" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 22rem' }}>
          <Group gap={8} wrap="wrap">
            <Title order={3} size="h5" id={headingId}>
              {e.person.name}
            </Title>
            {e.person.jobTitle && (
              <Text size="sm" c="gray.8">
                {e.person.jobTitle}
              </Text>
            )}
            <EnrolmentStateBadge state={e.state} />
          </Group>
          <Box component="dl" m={0} style={grid}>
            {answers ? (
              <>
                <Fact term="Role">{answers.role ?? e.person.jobTitle}</Fact>
                <Fact term="Reason">{answers.reason ? `“${answers.reason}”` : '—'}</Fact>
                <Fact term="Done before">
                  {experienceWords[answers.priorExperience]}
                  {answers.priorExperienceNote ? `: ${answers.priorExperienceNote}` : ''}
                </Fact>
                <Fact term="Rates themself">{levelWords(answers.selfRatedLevel)}</Fact>
                {answers.meetsPrerequisites && <Fact term="Meets the prerequisites">{prerequisiteWords[answers.meetsPrerequisites]}</Fact>}
              </>
            ) : (
              <Fact term="Answers">Not answered yet</Fact>
            )}
            <Fact term="Supervisor expects">
              {a?.expectations ? `“${a.expectations.text}”${a.expectations.by ? ` (${a.expectations.by.name}, ${atViewer(a.expectations.at)})` : ''}` : 'Nothing said yet'}
            </Fact>
          </Box>
          {a?.flags && a.flags.length > 0 && (
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Flags for ${e.person.name}`}>
              {a.flags.map((f) => (
                <Group key={f.rule} component="li" gap={6} wrap="nowrap" align="flex-start">
                  <FitFlagBadge label={f.label} />
                  <Text size="sm">{f.explanation}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
        {e.allowed.redirect && (
          <Button size="xs" variant="default" leftSection={<IconArrowsExchange size={14} aria-hidden />} onClick={() => onRedirect(e)} aria-label={`Redirect ${e.person.name}…`}>
            Redirect…
          </Button>
        )}
      </Group>
    </Card>
  );
}

/**
 * CA-4 on the roster: who applied and why, what their supervisors expect, and the fit flags with
 * their explanations — reasons for a conversation, not a ranking — and "Redirect…" to a better offering.
 */
export function AudienceSection({ sessionId }: { sessionId: string }) {
  const audience = useSessionAudience(sessionId);
  const [redirecting, setRedirecting] = useState<EnrolmentView | null>(null);
  // The instructor and coordinators see it; anyone else has no roster either.
  if (audience.isError && isApiProblem(audience.error) && audience.error.status === 403) return null;
  return (
    <Box component="section" aria-labelledby="roster-audience" className="stride-no-print">
      <Title order={2} size="h3" id="roster-audience" mb={2}>
        Audience
      </Title>
      <Text size="sm" c="gray.8" mb="xs">
        Right people, right class, right reasons: each applicant’s answers, their supervisor’s expectations, and what the fit check noticed. A flag is a reason to talk, never a refusal.
      </Text>
      {audience.isPending ? (
        <TableSkeleton label="Loading the audience" rows={3} />
      ) : audience.isError ? (
        <ErrorAlert error={audience.error} title="The audience cannot be loaded" />
      ) : (
        <Stack gap="sm">
          <Summary view={audience.data} />
          {audience.data.applicants.length === 0 ? (
            <Text size="sm">No one has applied yet.</Text>
          ) : (
            audience.data.applicants.map((e) => <Applicant key={e.id} e={e} onRedirect={setRedirecting} />)
          )}
        </Stack>
      )}
      <RedirectModal enrolment={redirecting} onClose={() => setRedirecting(null)} />
    </Box>
  );
}
