import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useCourseSessions } from '../../catalog/web/catalog-api';
import { momentTimes } from '../../catalog/web/catalog-format';
import { actionEnrolInput, type ActionView } from '../request-schemas';
import { issuesByPath } from './field-errors';
import { PeoplePicker } from './people-picker';
import { useEnrolFromAction, type Request } from './requests-api';

const placeLabel: Record<string, string> = { confirmed: 'Confirmed', waitlisted: 'Waitlisted', pending_approval: 'Awaiting approval', completed: 'Completed', cancelled: 'Cancelled', declined: 'Declined' };

/** RQ-6: who the item enrolled, and where each place stands. */
export function ActionEnrolments({ a }: { a: ActionView }) {
  if (!a.enrolments.length) return null;
  return (
    <Group gap={6} mt="xs">
      {a.enrolments.map((e) => (
        <Badge key={e.id} variant="outline" color={e.state === 'confirmed' || e.state === 'completed' ? 'teal' : 'gray'}>
          {e.person.name}: {placeLabel[e.state] ?? e.state}
        </Badge>
      ))}
    </Group>
  );
}

/** RQ-6: the affected people put down for a session of the recommended course, through the enrolment rules. */
export function EnrolFromActionForm({ r, a }: { r: Request; a: ActionView }) {
  const sessions = useCourseSessions(a.course?.id, !!a.course);
  const enrol = useEnrolFromAction(r.id);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const options = (sessions.data ?? []).filter((s) => s.status === 'scheduled' && new Date(s.startsAt) > new Date()).map((s) => ({ value: s.id, label: `${momentTimes(s.startsAt, s.timeZone).local}${s.place ? ` · ${s.place}` : s.online ? ' · online' : ''}` }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = actionEnrolInput.safeParse({ sessionId: sessionId ?? '', personIds, note: '' });
    if (!parsed.success) return setErrors(issuesByPath(parsed.error));
    setErrors({});
    enrol.mutate(
      { ...parsed.data, actionId: a.id },
      {
        onSuccess: () => {
          setPersonIds([]);
          notifications.show({ color: 'teal', title: 'Enrolled', message: `${parsed.data.personIds.length} people put down for the session; each is mailed as the session’s rules say.` });
        },
        onError: (error) => setErrors(issuesByPath(error)),
      },
    );
  };
  const personError = errors.personIds ?? Object.entries(errors).find(([k]) => k.startsWith('personIds.'))?.[1];
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Enrol people in ${a.course?.title ?? 'the course'}`}>
      <Stack gap="xs" mt="sm">
        <Text size="sm" fw={600}>
          Enrol the people affected
        </Text>
        <Select label="Session" data={options} value={sessionId} onChange={setSessionId} error={errors.sessionId} placeholder={sessions.isPending ? 'Loading sessions…' : options.length ? 'Choose a session' : 'No upcoming session'} />
        <PeoplePicker label="People" value={personIds} onChange={setPersonIds} error={personError} businessUnitId={r.businessUnit?.id} exclude={a.enrolments.map((e) => e.person.id)} />
        {errors._form && (
          <Text size="sm" c="red.8" role="alert">
            {errors._form}
          </Text>
        )}
        <Button type="submit" size="xs" w="fit-content" loading={enrol.isPending}>
          Enrol them
        </Button>
      </Stack>
    </form>
  );
}
