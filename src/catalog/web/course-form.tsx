import { Button, Card, Group, MultiSelect, NumberInput, Radio, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useWarnBeforeLeaving } from '../../app/web/hooks/use-warn-before-leaving';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PersonSelect } from '../../people/web/person-select';
import { useBusinessUnits } from '../../people/web/people-api';
import { courseFormats, type CourseFormat } from '../catalog-values';
import { createCourseInput, updateCourseInput } from '../course-schemas';
import { isStale, useCreateCourse, useUpdateCourse, type CourseDetailView } from './catalog-api';
import { formatDuration, formatHints, formatLabels } from './catalog-format';
import { courseFieldLabel, courseFieldOf, courseInput, languageOptions, type CourseFormValues } from './course-form-values';
import { StaleAlert, ReloadedNotice } from './conflict-alerts';
import { ErrorSummary } from './error-summary';
import { AfterTheEventFields } from './after-the-event-fields';
import { InterestsField } from './interests-field';
import { ObjectivesEditor } from './objectives-editor';
import { useCatalogForm } from './use-catalog-form';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="md">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

type Props = {
  initial: CourseFormValues;
  /** The course being edited, as loaded; none for a new course. */
  course?: CourseDetailView;
  /** Someone else saved first: re-read the course and start again from it, keeping what was typed aside. */
  onLoadLatest?: (typed: CourseFormValues) => void;
  loadingLatest?: boolean;
  /** What the editor had typed before the latest revision was loaded, to put back on request. */
  typedBefore?: CourseFormValues | null;
  /** The contact person's name, so the field reads right before any search. */
  contactName?: string;
};

/** CA-1: a course's listing, written by the catalog's editors; every save is a revision. */
export function CourseForm({ initial, course: loaded, onLoadLatest, loadingLatest = false, typedBefore = null, contactName }: Props) {
  // The revision this form was opened on, whatever a background re-read brings: a save names it, so
  // someone else's save in between is caught (409) rather than silently overwritten.
  const [course] = useState(loaded);
  const form = useCatalogForm(initial, courseFieldOf);
  const { values, errors } = form;
  const create = useCreateCourse();
  const update = useUpdateCourse(course?.id ?? '');
  const units = useBusinessUnits();
  const navigate = useNavigate();
  const [checkedOnce, setCheckedOnce] = useState(false);
  const [conflict, setConflict] = useState<unknown>(null);
  const [baseline] = useState(() => JSON.stringify(initial));
  const [saved, setSaved] = useState(false);
  const dirty = !saved && JSON.stringify(values) !== baseline;

  useWarnBeforeLeaving(dirty);

  const text = <K extends 'code' | 'title' | 'summary' | 'description' | 'audience' | 'prerequisites' | 'contactPhone'>(key: K) => ({
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => form.set(key, event.currentTarget.value),
    error: errors[key],
  });

  const onSaved = (result: CourseDetailView) => {
    setSaved(true);
    const message = !course
      ? 'Saved as a draft: only the catalog’s editors see it until you publish it.'
      : result.revision === course.revision
        ? 'Nothing had changed, so no new revision was made.'
        : `Saved as revision ${result.revision}.`;
    notifications.show({ color: 'teal', title: course ? 'Course saved' : 'Course created', message });
    navigate(`/catalog/courses/${result.id}`);
  };

  const onFailed = (error: unknown) => {
    if (isStale(error, 'revision')) return setConflict(error);
    form.applyProblem(error);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCheckedOnce(true);
    setConflict(null);
    if (course) {
      const input = form.validate(updateCourseInput, { ...courseInput(values), revision: course.revision });
      if (input) update.mutate(input, { onSuccess: onSaved, onError: onFailed });
    } else {
      const input = form.validate(createCourseInput, { ...courseInput(values), code: values.code });
      if (input) create.mutate(input, { onSuccess: onSaved, onError: onFailed });
    }
  };

  const saving = create.isPending || update.isPending;
  const failure = course ? update.error : create.error;
  const fieldErrors = Object.keys(errors).length > 0;
  const duration = Number(values.durationMinutes);

  return (
    <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label={course ? `Edit ${course.title}` : 'New course'}>
      <Stack gap="lg">
        {typedBefore && <ReloadedNotice title={`This is revision ${course?.revision ?? ''}, the latest`} onPutBack={() => form.reset(typedBefore)} />}
        {conflict !== null && (
          <StaleAlert error={conflict} what="course" onLoadLatest={() => onLoadLatest?.(values)} loading={loadingLatest} historyHref={course ? `/catalog/courses/${course.id}/revisions` : undefined} />
        )}
        {checkedOnce && <ErrorSummary errors={errors} labelOf={courseFieldLabel} title={course ? 'Not saved yet' : 'Not created yet'} outcome="Nothing was saved." />}
        {failure && conflict === null && !fieldErrors && <ErrorAlert error={failure} title="Not saved" />}

        <Section id="course-listing" title="The listing">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {course ? (
              <TextInput label="Code" value={course.code} readOnly description="A course keeps its code." />
            ) : (
              <TextInput label="Code" description="Such as CC-101; it cannot change later." maxLength={20} {...text('code')} />
            )}
          </SimpleGrid>
          <TextInput label="Title" maxLength={200} {...text('title')} />
          <Textarea label="Summary" description="One or two sentences for the catalog’s listing: what the course does for the learner." autosize minRows={2} maxLength={500} {...text('summary')} />
          <InterestsField value={values.interestIds} onChange={(ids) => form.set('interestIds', ids)} error={errors.interestIds} />
        </Section>

        <Section id="course-content" title="What it teaches, and for whom">
          <Textarea label="Description" description="What happens in the course and how it is taught." autosize minRows={5} maxRows={20} {...text('description')} />
          <ObjectivesEditor objectives={values.objectives} errors={errors} onChange={(objectives, touched) => form.set('objectives', objectives, touched)} />
          <Textarea label="Who it is for" description="The roles and situations the course is designed for." autosize minRows={2} {...text('audience')} />
          <MultiSelect
            label="Business units in the audience"
            description="Leave empty when the course is open to everyone."
            placeholder={values.audienceBusinessUnitIds.length ? undefined : 'Everyone'}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={values.audienceBusinessUnitIds}
            onChange={(ids) => form.set('audienceBusinessUnitIds', ids)}
            searchable
            clearable
            nothingFoundMessage="No business unit matches"
            error={errors.audienceBusinessUnitIds}
          />
          <Textarea label="Prerequisites" description="Optional: what a learner should know or have done first." autosize minRows={2} {...text('prerequisites')} />
        </Section>

        <Section id="course-delivery" title="How it is taught">
          <Radio.Group label="Format" value={values.format} onChange={(v) => form.set('format', v as CourseFormat)} error={errors.format}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
              {courseFormats.map((f) => (
                <Radio key={f} value={f} label={formatLabels[f]} description={formatHints[f]} />
              ))}
            </SimpleGrid>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label="Duration in minutes"
              description={duration > 0 && Number.isInteger(duration) ? `That is ${formatDuration(duration)}.` : 'A day of training is usually 420 minutes (7 h).'}
              min={1}
              max={60_000}
              allowDecimal={false}
              allowNegative={false}
              value={values.durationMinutes}
              onChange={(v) => form.set('durationMinutes', v)}
              error={errors.durationMinutes}
            />
            <MultiSelect
              label="Languages"
              description="Each session is taught in one of them."
              data={languageOptions(values.languages)}
              value={values.languages}
              onChange={(tags) => form.set('languages', tags)}
              searchable
              nothingFoundMessage="No such language"
              error={errors.languages}
            />
          </SimpleGrid>
        </Section>

        <Section id="course-contact" title="Whom to ask">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PersonSelect
              label="Contact person"
              description="Answers questions about the course; shown on its page with their e-mail."
              placeholder="Choose a person"
              value={values.contactPersonId}
              initialLabel={contactName}
              onChange={(id) => form.set('contactPersonId', id)}
              error={errors.contactPersonId}
            />
            <TextInput label="Contact phone" description="Optional: a number for this course, shown beside the contact person." maxLength={50} {...text('contactPhone')} />
          </SimpleGrid>
        </Section>

        <Section id="course-after" title="After the event">
          <AfterTheEventFields values={values} errors={errors} onChange={(key: 'completionMinPercent' | 'followUpDays' | 'followUpAnonymous', value: number | string | boolean) => form.set(key, value as never)} />
        </Section>

        <Card withBorder radius="md" padding="lg">
          <Group justify="space-between" align="center">
            <Text size="sm" c="gray.8" role="status" aria-live="polite">
              {dirty ? 'Unsaved changes.' : course ? `No changes to revision ${course.revision} yet.` : 'Not saved yet.'}
            </Text>
            <Group gap="sm">
              <Button component={Link} to={course ? `/catalog/courses/${course.id}` : '/catalog'} variant="default">
                Cancel
              </Button>
              <Button type="submit" loading={saving} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                {course ? 'Save changes' : 'Create the course'}
              </Button>
            </Group>
          </Group>
        </Card>
      </Stack>
    </form>
  );
}
