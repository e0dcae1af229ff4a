import { Anchor, Badge, Button, Card, Group, SegmentedControl, Skeleton, Stack, Table, Text, Textarea, NumberInput, Title } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { formatDate, formatDateTime } from '../../app/web/format';
import { isApiProblem } from '../../app/web/api';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { PersonSelect } from '../../people/web/person-select';
import { catalogEditorRoles } from '../../catalog/catalog-editors';
import type { ProblemReportView } from '../problem-schemas';
import { problemKindLabels, type ProblemState } from '../development-values';
import { QuestionClocks as ServiceLevelClocks } from '../../questions/web/question-clocks';
import { isNotFound, useAnswerProblem, useFixProblem, useMyProblemReports, useProblemQueue, useProblemReport, useTriageProblem } from './development-api';

const stateLabels: Record<ProblemState, string> = { received: 'Received', triaged: 'Being looked at', answered: 'Answered', fixed: 'Fixed', closed: 'Closed' };
const StateBadge = ({ state }: { state: ProblemState }) => (
  <Badge variant="light" color={state === 'fixed' ? 'teal' : state === 'answered' ? 'blue' : 'orange'}>
    <span style={{ color: 'var(--mantine-color-gray-9)' }}>{stateLabels[state]}</span>
  </Badge>
);

function ReportTable({ items, label }: { items: ProblemReportView[]; label: string }) {
  return (
    <ScrollTable minWidth={640} label={label}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Course</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Reported</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/problem-reports/${r.id}`}>
                  {r.course.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{problemKindLabels[r.kind]}</Table.Td>
              <Table.Td>
                <StateBadge state={r.state} />
              </Table.Td>
              <Table.Td>{formatDate(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The problems and questions I reported about courses, with their answers (DV-4). */
export function MyProblemReportsPage() {
  const list = useMyProblemReports();
  return (
    <>
      <PageHeader title="My problem reports" description="Problems and questions you reported about courses, and the unit’s answers." />
      {list.isPending && <Skeleton height={160} aria-label="Loading your reports" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <EmptyState icon={<IconMessageReport size={24} />} title="Nothing reported">Report a problem from any course page.</EmptyState>}
      {list.data && list.data.items.length > 0 && <ReportTable items={list.data.items} label="My problem reports" />}
    </>
  );
}

/** The unit's queue of problem reports (DV-4). */
export function ProblemQueuePage() {
  const [state, setState] = useState<'open' | 'all'>('open');
  const list = useProblemQueue(state);
  return (
    <>
      <PageHeader title="Problem reports" description="Problems and questions about courses after release: triage, answer the reporter, and fix in a course revision." />
      <SegmentedControl mb="md" data={[{ value: 'open', label: 'Open' }, { value: 'all', label: 'All' }]} value={state} onChange={(v) => setState(v as 'open' | 'all')} aria-label="Which reports" />
      {list.isPending && <Skeleton height={160} aria-label="Loading the queue" />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && list.data.items.length === 0 && <EmptyState icon={<IconMessageReport size={24} />} title="Nothing waiting">No open problem reports.</EmptyState>}
      {list.data && list.data.items.length > 0 && <ReportTable items={list.data.items} label="Problem reports" />}
    </>
  );
}

const fieldErrors = (error: unknown) => Object.fromEntries((isApiProblem(error) ? error.errors : []).map((e) => [e.field, e.message]));

function Handling({ report }: { report: ProblemReportView }) {
  const triage = useTriageProblem(report.id);
  const answer = useAnswerProblem(report.id);
  const fix = useFixProblem(report.id);
  const [ownerId, setOwnerId] = useState<string | null>(report.owner?.id ?? null);
  const [text, setText] = useState(report.answer ?? '');
  const [revision, setRevision] = useState<number | string>('');
  const [note, setNote] = useState('');
  const settled = report.state === 'fixed' || report.state === 'closed';
  if (settled) return null;
  return (
    <Stack gap="md">
      <Card withBorder component="section" aria-labelledby="triage-heading">
        <Title order={2} size="h5" id="triage-heading" mb="xs">
          Triage
        </Title>
        <Group align="flex-end">
          <PersonSelect label="Who answers it" description="Usually the course’s instructional designer." placeholder="Choose a person" value={ownerId} initialLabel={report.owner?.name} onChange={setOwnerId} error={fieldErrors(triage.error).ownerId} />
          <Button variant="light" loading={triage.isPending} onClick={() => triage.mutate({ ownerId: ownerId ?? '' })}>
            Assign
          </Button>
        </Group>
      </Card>
      <Card withBorder component="section" aria-labelledby="answer-heading">
        <Title order={2} size="h5" id="answer-heading" mb="xs">
          Answer the reporter
        </Title>
        <Textarea label="Answer" description="What will be fixed, when, and a workaround meanwhile. Mailed to the reporter and shown on their report." autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} error={fieldErrors(answer.error).answer} maxLength={5000} />
        <ErrorAlert error={answer.error} formFields={['answer']} />
        <Button mt="xs" loading={answer.isPending} onClick={() => answer.mutate({ answer: text })}>
          Send the answer
        </Button>
      </Card>
      {report.answeredAt && (
        <Card withBorder component="section" aria-labelledby="fix-heading">
          <Title order={2} size="h5" id="fix-heading" mb="xs">
            Record the fix
          </Title>
          <Text size="sm" mb="xs">
            Correct the course in the catalog first; then give the revision that fixes it.
          </Text>
          <Group align="flex-end">
            <NumberInput label="Course revision" min={1} value={revision} onChange={setRevision} error={fieldErrors(fix.error).revision} />
            <Textarea label="What changed" autosize value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} style={{ flex: 1 }} />
          </Group>
          <ErrorAlert error={fix.error} formFields={['revision', 'note']} />
          <Button mt="xs" loading={fix.isPending} onClick={() => fix.mutate({ revision: Number(revision) || 0, note })}>
            Mark fixed
          </Button>
        </Card>
      )}
    </Stack>
  );
}

/** One problem report: what was reported, the answer and the fix; the unit's staff handle it here (DV-4). */
export function ProblemReportPage() {
  const { id } = useParams();
  const report = useProblemReport(id);
  const actor = useActor();
  if (report.isPending) return <Skeleton height={200} aria-label="Loading the report" />;
  if (report.isError) {
    return (
      <>
        <PageHeader title={isNotFound(report.error) ? 'Report not found' : 'The report cannot be shown'} />
        <ErrorAlert error={report.error} />
      </>
    );
  }
  const r = report.data;
  const revisionLink = hasRole(actor, ...catalogEditorRoles) ? `/catalog/courses/${r.course.id}/revisions?revision=${r.fixedRevision}` : `/catalog/courses/${r.course.id}`;
  return (
    <>
      <PageHeader
        title={`${problemKindLabels[r.kind]}: ${r.course.title}`}
        above={
          <Anchor component={Link} to={r.canHandle ? '/problem-reports' : '/problem-reports/mine'} size="sm">
            <span aria-hidden>‹ </span>
            {r.canHandle ? 'Problem reports' : 'My problem reports'}
          </Anchor>
        }
        description={
          <Group gap="xs">
            <StateBadge state={r.state} />
            <Text size="sm">
              Reported by {r.reporter.name}, {formatDateTime(r.createdAt)}
              {r.owner ? ` · handled by ${r.owner.name}` : ''}
            </Text>
          </Group>
        }
      />
      <Stack gap="md">
        <Card withBorder>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Text>
          <Anchor component={Link} to={`/catalog/courses/${r.course.id}`} size="sm">
            Open the course
          </Anchor>
        </Card>
        {r.answer && (
          <Card withBorder component="section" aria-labelledby="answer">
            <Title order={2} size="h5" id="answer">
              The answer
            </Title>
            <Text size="xs" c="gray.8">
              {r.answeredBy?.name}, {formatDateTime(r.answeredAt)}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.answer}</Text>
          </Card>
        )}
        {r.fixedRevision && (
          <Card withBorder component="section" aria-labelledby="fix">
            <Title order={2} size="h5" id="fix">
              Fixed
            </Title>
            <Text>
              Fixed in{' '}
              <Anchor component={Link} to={revisionLink} underline="always">
                revision {r.fixedRevision} of the course
              </Anchor>
              , {formatDate(r.fixedAt)}.
            </Text>
            {r.fixNote && <Text size="sm">{r.fixNote}</Text>}
          </Card>
        )}
        {r.canHandle && r.clocks.length > 0 && <ServiceLevelClocks clocks={r.clocks} />}
        {r.canHandle && <Handling report={r} />}
      </Stack>
    </>
  );
}
