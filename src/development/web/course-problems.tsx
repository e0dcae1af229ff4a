import { Anchor, Button, Card, Group, Modal, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { isApiProblem } from '../../app/web/api';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { developmentStaffRoles } from '../development-staff';
import { problemKindLabels, problemKinds, type ProblemKind } from '../development-values';
import { useCourseProblems, useReportProblem } from './development-api';

/** "Report a problem or ask a question" on a course page (DV-4): anyone signed in. */
export function ReportProblemButton({ courseId, courseTitle }: { courseId: string; courseTitle: string }) {
  const [open, setOpen] = useState(false);
  const report = useReportProblem(courseId);
  const [kind, setKind] = useState<ProblemKind | null>(null);
  const [description, setDescription] = useState('');
  const errors = Object.fromEntries((isApiProblem(report.error) ? report.error.errors : []).map((e) => [e.field, e.message]));
  const close = () => {
    setOpen(false);
    report.reset();
  };
  return (
    <>
      <Button variant="default" size="sm" leftSection={<IconMessageReport size={16} aria-hidden />} onClick={() => setOpen(true)} className="stride-no-print">
        Report a problem or ask a question
      </Button>
      <Modal opened={open} onClose={close} title={`A problem or question about ${courseTitle}`}>
        {report.isSuccess ? (
          <Stack>
            <Text>Thank you. The unit answers you by e-mail and on your report, within the time its charter promises.</Text>
            <Group justify="flex-end">
              <Button component={Link} to={`/problem-reports/${report.data.id}`}>
                See your report
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            <Select label="What kind of problem" data={problemKinds.map((k) => ({ value: k, label: problemKindLabels[k] }))} value={kind} onChange={(v) => setKind(v as ProblemKind | null)} error={errors.kind} />
            <Textarea label="What is wrong, and where" description="The page, step or link, and what it should say." autosize minRows={4} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errors.description} maxLength={5000} />
            <ErrorAlert error={report.error} formFields={['kind', 'description']} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button loading={report.isPending} onClick={() => report.mutate({ kind: (kind ?? '') as ProblemKind, description })}>
                Send
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}

/** Recurring problems on a course, by kind, for the unit's staff (DV-4). */
export function CourseProblemsPanel({ courseId }: { courseId: string }) {
  const staff = hasRole(useActor(), ...developmentStaffRoles);
  const problems = useCourseProblems(courseId, staff);
  if (!staff || !problems.data) return null;
  return (
    <Card withBorder component="section" aria-labelledby="course-problems" className="stride-no-print">
      <Title order={2} size="h5" id="course-problems" mb="xs">
        Problem reports
      </Title>
      {problems.data.byKind.length === 0 ? (
        <Text size="sm">None reported.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Reported</Table.Th>
              <Table.Th>Open</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problems.data.byKind.map((k) => (
              <Table.Tr key={k.kind}>
                <Table.Td>{problemKindLabels[k.kind]}</Table.Td>
                <Table.Td>{k.total}</Table.Td>
                <Table.Td>{k.open}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack gap={2} mt="xs">
        {problems.data.items.slice(0, 5).map((r) => (
          <Anchor key={r.id} component={Link} to={`/problem-reports/${r.id}`} size="sm">
            {problemKindLabels[r.kind]}: {r.description.slice(0, 60)}
            {r.description.length > 60 ? '…' : ''} ({r.state})
          </Anchor>
        ))}
      </Stack>
    </Card>
  );
}
