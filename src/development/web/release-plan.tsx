import { Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { Anchor } from '@mantine/core';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { isApiProblem } from '../../app/web/api';
import { useCatalog } from '../../catalog/web/catalog-api';
import { courseFormats, type CourseFormat } from '../../catalog/catalog-values';
import { useSaveReleasePlan, type Project } from './development-api';

/**
 * What the release writes into the catalog (DV-1): the course it updates or the new one, the
 * summary and the objectives, one per line. Read-only once the project is released.
 */
export function ReleasePlan({ project }: { project: Project }) {
  const save = useSaveReleasePlan(project.id);
  const courses = useCatalog({ pageSize: 100, page: 1 });
  const [courseId, setCourseId] = useState<string | null>(project.course?.id ?? null);
  const [code, setCode] = useState(project.newCourse?.code ?? '');
  const [format, setFormat] = useState<CourseFormat | null>(project.newCourse?.format ?? 'classroom');
  const [duration, setDuration] = useState<number | string>(project.newCourse?.durationMinutes ?? 420);
  const [audience, setAudience] = useState(project.newCourse?.audience ?? '');
  const [summary, setSummary] = useState(project.summary);
  const [objectives, setObjectives] = useState(project.objectives.join('\n'));
  const errors = Object.fromEntries((isApiProblem(save.error) ? save.error.errors : []).map((e) => [e.field, e.message]));
  const objectiveError = Object.entries(errors).find(([k]) => k.startsWith('objectives'))?.[1];
  if (!project.canManage) {
    return (
      <Card withBorder component="section" aria-labelledby="release-plan">
        <Title order={2} size="h4" id="release-plan">
          Release
        </Title>
        {project.released ? (
          <Text size="sm">
            Released as{' '}
            <Anchor component={Link} to={`/catalog/courses/${project.released.courseId}/revisions?revision=${project.released.revision}`} underline="always">
              revision {project.released.revision}
            </Anchor>{' '}
            of <Anchor component={Link} to={`/catalog/courses/${project.released.courseId}`} underline="always">{project.course?.title ?? 'the course'}</Anchor>.
          </Text>
        ) : (
          <Text size="sm">{project.course ? `Updates ${project.course.title} (${project.course.code}).` : 'Publishes a new course.'}</Text>
        )}
        {project.objectives.length > 0 && (
          <Stack gap={2} mt="xs" component="ul">
            {project.objectives.map((o) => (
              <Text component="li" size="sm" key={o}>
                {o}
              </Text>
            ))}
          </Stack>
        )}
      </Card>
    );
  }
  const submit = () =>
    save.mutate({
      revision: project.revision,
      courseId,
      newCourse: courseId ? null : { code, format: format ?? 'classroom', durationMinutes: Number(duration) || 0, audience },
      summary,
      objectives: objectives.split('\n').map((o) => o.trim()).filter(Boolean),
    });
  return (
    <Card withBorder component="section" aria-labelledby="release-plan">
      <Stack gap="xs">
        <Title order={2} size="h4" id="release-plan">
          Release plan
        </Title>
        <Text size="sm">Closing the last stage publishes this in the catalog, with the objectives, as a revision of the course.</Text>
        <Select label="Course it updates" description="Leave empty to publish a new course." clearable searchable data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.code})` }))} value={courseId} onChange={setCourseId} error={errors.courseId} />
        {!courseId && (
          <Group grow align="flex-start">
            <TextInput label="New course code" value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors['newCourse.code']} />
            <Select label="Format" data={courseFormats.map((f) => ({ value: f, label: f }))} value={format} onChange={(v) => setFormat(v as CourseFormat | null)} error={errors['newCourse.format']} />
            <NumberInput label="Duration (minutes)" value={duration} onChange={setDuration} error={errors['newCourse.durationMinutes']} />
            <TextInput label="Audience" value={audience} onChange={(e) => setAudience(e.currentTarget.value)} error={errors['newCourse.audience']} />
          </Group>
        )}
        <TextInput label="Summary" value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary} maxLength={500} />
        <Textarea label="Objectives" description="One per line: what the learner will be able to do." autosize minRows={3} value={objectives} onChange={(e) => setObjectives(e.currentTarget.value)} error={objectiveError} />
        <ErrorAlert error={save.error} formFields={['courseId', 'summary', 'objectives', 'newCourse']} />
        <Button w="fit-content" variant="light" loading={save.isPending} onClick={submit}>
          Save the release plan
        </Button>
      </Stack>
    </Card>
  );
}
