import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { firstName } from '../../app/web/format';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { useCatalog, useCourseSessions } from '../../catalog/web/catalog-api';
import { joinZones, sessionTimes } from '../../catalog/web/catalog-format';
import { redirectInput } from '../audience-schemas';
import { useRedirect, type EnrolmentView } from './enrolment-api';
import { stateLine } from './enrolment-format';

type Props = { enrolment: EnrolmentView | null; onClose: () => void };

const blank = { courseId: '', toSessionId: '', message: '' };

/**
 * CA-4: a coordinator moves an applicant to a better offering (a session of this course or of another
 * published one) with a message saying why; it is mailed to them and their supervisor.
 */
export function RedirectModal({ enrolment, onClose }: Props) {
  const redirect = useRedirect();
  const form = useZodForm({ ...blank, courseId: enrolment?.course.id ?? '' });
  const [search, setSearch] = useState('');
  const courseId = form.values.courseId || enrolment?.course.id || '';
  const catalog = useCatalog({ q: search.trim() || undefined, page: 1, pageSize: 20 });
  const sessions = useCourseSessions(courseId, enrolment !== null && !!courseId);

  const courseOptions = useMemo(() => {
    const list = (catalog.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.code})` }));
    if (enrolment && !list.some((o) => o.value === enrolment.course.id)) list.unshift({ value: enrolment.course.id, label: `${enrolment.course.title} (${enrolment.course.code})` });
    return list;
  }, [catalog.data, enrolment]);
  const sessionOptions = useMemo(() => {
    const now = Date.now();
    return (sessions.data ?? [])
      .filter((s) => s.status === 'scheduled' && Date.parse(s.startsAt) > now && s.id !== enrolment?.session?.id)
      .map((s) => ({ value: s.id, label: joinZones(sessionTimes(s.startsAt, s.endsAt, s.timeZone)) }));
  }, [sessions.data, enrolment]);

  const close = () => {
    redirect.reset();
    form.reset(blank);
    setSearch('');
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!enrolment) return;
    const input = form.validate(redirectInput, { toSessionId: form.values.toSessionId, message: form.values.message });
    if (input) redirect.mutate({ id: enrolment.id, ...input }, { onError: (error) => form.applyProblem(error) });
  };

  const name = enrolment?.person.name ?? '';
  const done = redirect.data;
  const title = done ? `${firstName(name)} was moved` : `Move ${name} to a better offering`;
  return (
    <Modal opened={enrolment !== null} onClose={close} title={title} size="lg" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      {enrolment &&
        (done ? (
          <Stack gap="sm">
            <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" title={`Now in ${done.course.title}`}>
              <Text size="sm">
                {done.session ? joinZones(sessionTimes(done.session.startsAt, done.session.endsAt, done.session.timeZone)) : ''}
              </Text>
              <Text size="sm">
                {stateLine(done, { self: false })}. {firstName(name)} and their supervisor were sent your message.
              </Text>
            </Alert>
            <Group justify="flex-end">
              <Button onClick={close} data-autofocus>
                Done
              </Button>
            </Group>
          </Stack>
        ) : (
          <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label={title}>
            <Stack gap="sm">
              <Text size="sm">
                Their place here ends (a freed seat goes to the waitlist) and a new one begins there, by that session’s rules with your move as the approval: a seat, or the waitlist in turn.
                Their answers go along.
              </Text>
              {redirect.error && <ErrorAlert error={redirect.error} formFields={['toSessionId', 'message']} title="Not moved" />}
              <Select
                label="Course"
                description="This course, or search the catalog for another."
                searchable
                data={courseOptions}
                value={courseId}
                onChange={(id) => {
                  form.setValue('courseId', id ?? '');
                  form.setValue('toSessionId', '');
                }}
                onSearchChange={setSearch}
                nothingFoundMessage="No published course matches."
                allowDeselect={false}
              />
              <Select
                label="Session"
                withAsterisk
                placeholder={sessions.isPending ? 'Loading the sessions…' : sessionOptions.length ? 'Choose a session' : 'No other session ahead'}
                data={sessionOptions}
                value={form.values.toSessionId || null}
                onChange={(id) => form.setValue('toSessionId', id ?? '')}
                error={form.errors.toSessionId}
              />
              <Textarea
                label={`Why this suits ${firstName(name)} better`}
                description="Mailed to them and their supervisor with both offerings."
                withAsterisk
                autosize
                minRows={3}
                maxLength={2000}
                {...form.textProps('message')}
              />
              <Group justify="flex-end" mt="xs">
                <Button variant="default" onClick={close} disabled={redirect.isPending}>
                  Back
                </Button>
                <Button type="submit" loading={redirect.isPending}>
                  Move them
                </Button>
              </Group>
            </Stack>
          </form>
        ))}
    </Modal>
  );
}
