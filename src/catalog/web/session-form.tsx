import { Button, Card, Chip, Group, Input, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useWarnBeforeLeaving } from '../../app/web/hooks/use-warn-before-leaving';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { timeZones } from '../../app/web/time-zones';
import { PersonSelect } from '../../people/web/person-select';
import { approvalModes } from '../catalog-values';
import { sessionInput, updateSessionInput } from '../session-schemas';
import { fromLocalDateTime } from '../zoned-time';
import { isStale, useScheduleSession, useUpdateSession, type CourseDetailView, type SessionView } from './catalog-api';
import { joinZones, languageName, sessionTimes, zoneLabel } from './catalog-format';
import { ReloadedNotice, StaleAlert } from './conflict-alerts';
import { ErrorSummary } from './error-summary';
import { sessionFieldLabel, sessionFieldOf, sessionInputOf, usesLink, usesPlace, type InstructorKind, type SessionFormValues } from './session-form-values';
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

// The editor's words; learners read approvalWords ("Your supervisor approves").
const approvalChoices = {
  none: { label: 'No approval needed', hint: 'A seat is taken as soon as someone applies.' },
  supervisor: { label: 'The applicant’s supervisor approves', hint: 'The supervisor says yes before the seat is confirmed.' },
  coordinator: { label: 'The training unit approves', hint: 'A coordinator says yes before the seat is confirmed.' },
} as const;

/** The session as typed, read in its zone: "Tue 12 Jan, 09:00–12:00 Lisbon time · 04:00–07:00 your time". */
function preview(values: SessionFormValues): string | null {
  const start = fromLocalDateTime(values.startsAt, values.timeZone);
  const end = fromLocalDateTime(values.endsAt, values.timeZone);
  if (!start.ok || !end.ok || end.instant <= start.instant) return null;
  return joinZones(sessionTimes(start.instant.toISOString(), end.instant.toISOString(), values.timeZone));
}

/** Leads people choose among (CA-5); a schedule set through the API with others shows those too. */
const reminderPresets = [20_160, 10_080, 4320, 2880, 1440, 240, 60];

function leadLabel(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 day before' : minutes % 10_080 === 0 ? `${minutes / 10_080} week${minutes === 10_080 ? '' : 's'} before` : `${minutes / 1440} days before`;
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour before' : `${minutes / 60} hours before`;
  return `${minutes} minutes before`;
}

type Props = {
  course: CourseDetailView;
  initial: SessionFormValues;
  /** The session being changed; none for a new one. */
  session?: SessionView;
  instructorName?: string | undefined;
  onLoadLatest?: (typed: SessionFormValues) => void;
  loadingLatest?: boolean;
  typedBefore?: SessionFormValues | null;
  /** Below the save button: e.g. cancelling the session. */
  extra?: ReactNode;
};

/** CA-2: a session of a course — when (in its own zone), where, by whom, how many seats, until when, who approves. */
export function SessionForm({ course, initial, session: loaded, instructorName, onLoadLatest, loadingLatest = false, typedBefore = null, extra }: Props) {
  // The change this form was opened on, whatever a background re-read brings (decision 013).
  const [session] = useState(loaded);
  const form = useCatalogForm(initial, sessionFieldOf);
  const { values, errors } = form;
  const schedule = useScheduleSession(course.id);
  const update = useUpdateSession(session?.id ?? '');
  const navigate = useNavigate();
  const [checkedOnce, setCheckedOnce] = useState(false);
  const [conflict, setConflict] = useState<unknown>(null);
  const [baseline] = useState(() => JSON.stringify(initial));
  const [saved, setSaved] = useState(false);
  const dirty = !saved && JSON.stringify(values) !== baseline;

  useWarnBeforeLeaving(dirty);

  const text = <K extends 'startsAt' | 'endsAt' | 'place' | 'joinUrl' | 'externalName' | 'externalEmail' | 'enrolmentDeadline'>(key: K) => ({
    value: values[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.set(key, event.currentTarget.value),
    error: errors[key],
  });

  const onSaved = (result: SessionView) => {
    setSaved(true);
    notifications.show({
      color: 'teal',
      title: session ? (result.sequence === session.sequence ? 'Nothing had changed' : 'Session changed') : 'Session scheduled',
      message: sessionTimes(result.startsAt, result.endsAt, result.timeZone).local,
    });
    navigate(`/catalog/courses/${course.id}`);
  };

  const onFailed = (error: unknown) => {
    if (isStale(error, 'sequence')) return setConflict(error);
    form.applyProblem(error);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setCheckedOnce(true);
    setConflict(null);
    const body = sessionInputOf(values, course.format);
    if (session) {
      const input = form.validate(updateSessionInput, { ...body, sequence: session.sequence });
      if (input) update.mutate(input, { onSuccess: onSaved, onError: onFailed });
    } else {
      const input = form.validate(sessionInput, body);
      if (input) schedule.mutate(input, { onSuccess: onSaved, onError: onFailed });
    }
  };

  const failure = session ? update.error : schedule.error;
  const when = preview(values);
  const zone = zoneLabel(values.timeZone);

  return (
    <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label={session ? 'Change the session' : 'New session'}>
      <Stack gap="lg">
        {typedBefore && <ReloadedNotice title="This is the session as it is now" onPutBack={() => form.reset(typedBefore)} />}
        {conflict !== null && <StaleAlert error={conflict} what="session" onLoadLatest={() => onLoadLatest?.(values)} loading={loadingLatest} />}
        {checkedOnce && <ErrorSummary errors={errors} labelOf={sessionFieldLabel} title={session ? 'Not saved yet' : 'Not scheduled yet'} outcome="Nothing was saved." />}
        {failure && conflict === null && Object.keys(errors).length === 0 && <ErrorAlert error={failure} title="Not saved" />}

        <Section id="session-when" title="When">
          <Select
            label="Time zone"
            description="Where the session happens. Type the times below as a clock there shows them; everyone else sees them in their own time too."
            data={timeZones(values.timeZone)}
            value={values.timeZone}
            onChange={(v) => v && form.set('timeZone', v, ['timeZone', 'startsAt', 'endsAt', 'enrolmentDeadline'])}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No such time zone"
            limit={60}
            error={errors.timeZone}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="datetime-local" label="Starts" description={zone} {...text('startsAt')} onChange={(e) => form.set('startsAt', e.currentTarget.value, ['startsAt', 'endsAt'])} />
            <TextInput type="datetime-local" label="Ends" description={zone} {...text('endsAt')} />
          </SimpleGrid>
          <Text size="sm" fw={600} aria-live="polite">
            {when ?? 'Give the start and the end to see the session in your own time too.'}
          </Text>
          <TextInput
            type="datetime-local"
            label="Enrolment deadline"
            description={`Optional, ${zone}: the last moment to apply. Empty means until the session starts.`}
            {...text('enrolmentDeadline')}
          />
        </Section>

        <Section id="session-where" title="Where, in what language, and by whom">
          {usesPlace(course.format) && (
            <TextInput
              label="Place"
              description={course.format === 'blended' ? 'The room and the address; leave empty if the session is online only.' : 'The room and the address.'}
              maxLength={300}
              {...text('place')}
            />
          )}
          {usesLink(course.format) && (
            <TextInput
              type="url"
              label="Join link"
              description={`Starts with https://. Sent to participants, never shown in the catalog.${course.format === 'blended' ? ' Leave empty if the session is in the room only.' : ''}`}
              placeholder="https://"
              maxLength={2000}
              {...text('joinUrl')}
            />
          )}
          {course.languages.length > 1 && (
            <Select
              label="Language"
              data={course.languages.map((tag) => ({ value: tag, label: languageName(tag) }))}
              value={values.language}
              onChange={(v) => v && form.set('language', v)}
              allowDeselect={false}
              error={errors.language}
            />
          )}
          <Radio.Group
            label="Instructor"
            value={values.instructorKind}
            onChange={(v) => form.set('instructorKind', v as InstructorKind, ['instructorId', 'externalName', 'externalEmail'])}
          >
            <Group mt="xs" gap="lg">
              <Radio value="in-house" label="Someone in the organization" />
              <Radio value="external" label="An external instructor" />
              <Radio value="none" label="Not decided yet" />
            </Group>
          </Radio.Group>
          {values.instructorKind === 'in-house' && (
            <PersonSelect
              label="Instructor"
              description="Search by name."
              placeholder="Choose the instructor"
              value={values.instructorId}
              initialLabel={instructorName}
              onChange={(id) => form.set('instructorId', id)}
              error={errors.instructorId}
            />
          )}
          {values.instructorKind === 'external' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Instructor’s name" maxLength={200} {...text('externalName')} />
              <TextInput type="email" label="Instructor’s e-mail" description="For the unit’s arrangements; not shown in the catalog." maxLength={254} {...text('externalEmail')} />
            </SimpleGrid>
          )}
        </Section>

        <Section id="session-seats" title="Seats, approval and reminders">
          <NumberInput
            label="Seats"
            description="How many people can take part."
            min={1}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
            value={values.capacity}
            onChange={(v) => form.set('capacity', v)}
            error={errors.capacity}
            maw={240}
          />
          <Radio.Group label="Who approves an application" value={values.approvalMode} onChange={(v) => form.set('approvalMode', v as SessionFormValues['approvalMode'])} error={errors.approvalMode}>
            <Stack mt="xs" gap="xs">
              {approvalModes.map((mode) => (
                <Radio key={mode} value={mode} label={approvalChoices[mode].label} description={approvalChoices[mode].hint} />
              ))}
            </Stack>
          </Radio.Group>
          <Input.Wrapper
            label="Reminders"
            description="Mailed to everyone with a seat, with the time, the place and the course objectives. None chosen: no reminders."
            error={errors.reminders}
            mt="md"
          >
            <Chip.Group multiple value={values.reminders} onChange={(v) => form.set('reminders', v)}>
              <Group gap="xs" mt={6}>
                {[...new Set([...reminderPresets, ...values.reminders.map(Number)])]
                  .sort((a, b) => b - a)
                  .map((minutes) => (
                    <Chip key={minutes} value={String(minutes)} size="sm">
                      {leadLabel(minutes)}
                    </Chip>
                  ))}
              </Group>
            </Chip.Group>
          </Input.Wrapper>
        </Section>

        <Card withBorder radius="md" padding="lg">
          <Group justify="space-between" align="center">
            <Text size="sm" c="gray.8" role="status" aria-live="polite">
              {dirty ? 'Unsaved changes.' : session ? 'No changes yet.' : 'Not scheduled yet.'}
            </Text>
            <Group gap="sm">
              {extra}
              <Button component={Link} to={`/catalog/courses/${course.id}`} variant="default">
                Back without saving
              </Button>
              <Button type="submit" loading={schedule.isPending || update.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
                {session ? 'Save changes' : 'Schedule the session'}
              </Button>
            </Group>
          </Group>
        </Card>
      </Stack>
    </form>
  );
}
