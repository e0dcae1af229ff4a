import { Alert, Anchor, Badge, Box, Button, Card, FileInput, Group, List, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileCheck, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { plural } from '../../app/web/format';
import { PersonSelect } from '../../people/web/person-select';
import { hasSessions } from '../../catalog/catalog-values';
import { useCourse } from '../../catalog/web/catalog-api';
import { CourseNotFound } from '../../catalog/web/course-not-found';
import { useImportCompletions, useRecordCompletion, type ImportCompletionsView } from './attendance-api';

// AF-1 for self-paced e-learning: no sessions to mark, so a coordinator records who finished the
// course, one person at a time or from the LMS's export. The import is checked first (a dry run
// that changes nothing) and applied only whole.

const todayHere = () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const fieldErrors = (error: unknown) => (isApiProblem(error) ? Object.fromEntries(error.errors.map((e) => [e.field.replace(/^body\./, ''), e.message])) : {});

function RecordOne({ courseId }: { courseId: string }) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [completedOn, setCompletedOn] = useState(todayHere());
  const record = useRecordCompletion(courseId);
  const errors = fieldErrors(record.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!personId) return;
    record.mutate(
      { personId, completedOn },
      {
        onSuccess: (done) => {
          notifications.show({ color: 'teal', title: 'Completion recorded', message: `${done.person.name} completed the course on ${done.completedOn}.` });
          setPersonId(null);
        },
      },
    );
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="completion-one">
      <Title order={2} size="h3" id="completion-one" mb="xs">
        Record one completion
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PersonSelect label="Learner" description="Who finished the course." placeholder="Search by name" value={personId} onChange={setPersonId} error={errors.personId} />
          <TextInput type="date" label="Completed on" description="The day they finished; not later than today." max={todayHere()} value={completedOn} onChange={(e) => setCompletedOn(e.currentTarget.value)} error={errors.completedOn} />
          {record.error && !errors.personId && !errors.completedOn ? <ErrorAlert error={record.error} title="Not recorded" /> : null}
          <Group>
            <Button type="submit" loading={record.isPending} disabled={!personId || !completedOn} leftSection={<IconCheck size={16} aria-hidden />}>
              Record the completion
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

const outcomeBadge: Record<ImportCompletionsView['lines'][number]['outcome'], { label: string; color: string; c: string }> = {
  complete: { label: 'Will be completed', color: 'teal', c: 'teal.9' },
  already_completed: { label: 'Already completed', color: 'gray', c: 'gray.9' },
  invalid: { label: 'Needs attention', color: 'red', c: 'red.9' },
};

function Preview({ view }: { view: ImportCompletionsView }) {
  return (
    <Stack gap="xs">
      <Text size="sm" role="status">
        {view.applied ? `Imported: ${plural(view.toComplete, 'completion')} recorded.` : `${plural(view.toComplete, 'person', 'people')} would be completed; ${view.alreadyCompleted} already completed.`}
      </Text>
      <ScrollTable minWidth={520} label="Lines of the import">
        <Table striped withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Completed on</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.lines.map((l) => (
              <Table.Tr key={l.line}>
                <Table.Td>{l.line}</Table.Td>
                <Table.Td>{l.person ? `${l.person.name} (${l.person.email})` : '—'}</Table.Td>
                <Table.Td>{l.completedOn}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={outcomeBadge[l.outcome].color} c={outcomeBadge[l.outcome].c}>
                    {outcomeBadge[l.outcome].label}
                  </Badge>
                  {l.problem && (
                    <Text size="xs" c="red.9">
                      {l.problem}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function ImportCsv({ courseId }: { courseId: string }) {
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ImportCompletionsView | null>(null);
  const importing = useImportCompletions(courseId);
  const run = (dryRun: boolean) => importing.mutate({ csv, dryRun }, { onSuccess: (view) => setPreview(view) });
  const change = (text: string) => {
    setCsv(text);
    setPreview(null);
    importing.reset();
  };
  const problems = preview?.errors ?? [];
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="completion-import">
      <Title order={2} size="h3" id="completion-import" mb="xs">
        Import completions from a CSV
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          A header line, then one line per person: <code>email</code> (or <code>employee_id</code>) and <code>completed_on</code> as YYYY-MM-DD. At most 5,000 lines. Check it first: nothing is recorded until you apply, and
          nothing at all if any line is wrong.
        </Text>
        <FileInput label="CSV file" placeholder="Choose a .csv file" accept=".csv,text/csv" clearable onChange={async (file) => change(file ? await file.text() : '')} leftSection={<IconUpload size={16} aria-hidden />} />
        <Textarea label="Or paste the CSV" autosize minRows={4} maxRows={14} value={csv} onChange={(e) => change(e.currentTarget.value)} placeholder={'email,completed_on\nana.alves@example.org,2026-04-14'} styles={{ input: { fontFamily: 'monospace' } }} />
        <Group>
          <Button variant="default" onClick={() => run(true)} loading={importing.isPending && importing.variables?.dryRun} disabled={!csv.trim()} leftSection={<IconFileCheck size={16} aria-hidden />}>
            Check the lines
          </Button>
          <Button onClick={() => run(false)} loading={importing.isPending && !importing.variables?.dryRun} disabled={!preview || !preview.dryRun || problems.length > 0 || preview.toComplete === 0}>
            Apply
          </Button>
        </Group>
        {importing.error ? <ErrorAlert error={importing.error} title="Not imported" /> : null}
        {problems.length > 0 && (
          <Alert color="red" variant="light" title={`${plural(problems.length, 'line')} to fix before applying`} role="alert">
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p.field}>{p.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {preview && <Preview view={preview} />}
      </Stack>
    </Card>
  );
}

/** AF-1: e-learning completions, for the training unit's coordinators (the course page links here). */
export function CompletionsPage() {
  const { id } = useParams();
  const course = useCourse(id);
  if (course.isPending) return <TableSkeleton label="Loading the course" />;
  if (!course.data) return <CourseNotFound error={course.error} />;
  const c = course.data;
  const back = (
    <Anchor component={Link} to={`/catalog/courses/${c.id}`} size="sm">
      <span aria-hidden>‹ </span>
      {c.title}
    </Anchor>
  );
  return (
    <Box>
      <PageHeader above={back} title={`Completions: ${c.title}`} description="Who finished this self-paced course. Each completion starts the certificate on its way." />
      {hasSessions(c.format) ? (
        <Text>This course is taught in sessions: record attendance and complete each session from its roster.</Text>
      ) : (
        <Stack gap="lg" maw={860}>
          <RecordOne courseId={c.id} />
          <ImportCsv courseId={c.id} />
        </Stack>
      )}
    </Box>
  );
}
