import { Alert, Badge, Box, Button, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks, IconDeviceFloppy, IconFlag } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useAttendance, useCompleteSession, useRecordAttendance, type AttendanceView, type CompletionView } from './attendance-api';
import { stateColors, stateLabels } from './enrolment-format';

// AF-1 on the roster: the instructor (or a coordinator) marks one session day at a time, standing in
// the room with a phone, so each learner is one row with two big buttons; one Save sends the day
// all or nothing. Once the session is over, "Complete the session" applies the course's rule.

type SessionLike = { id: string; startsAt: string; endsAt: string; timeZone: string; status: string };
type Row = AttendanceView['enrolments'][number];

const today = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const dayLabel = (day: string) => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Today when the session runs today; before it, its first day; after it, the first day someone still lacks a mark (else the last). */
function defaultDay(view: AttendanceView, timeZone: string): string {
  const now = today(timeZone);
  if (view.days.includes(now)) return now;
  if (now < view.days[0]!) return view.days[0]!;
  const confirmed = view.enrolments.filter((e) => e.state === 'confirmed');
  return view.days.find((d) => confirmed.some((e) => !e.marks.some((m) => m.day === d))) ?? view.days.at(-1)!;
}

const savedMark = (row: Row, day: string) => row.marks.find((m) => m.day === day)?.present;

function MarkRow({ row, value, saved, onChange, disabled }: { row: Row; value: boolean | undefined; saved: boolean | undefined; onChange: (present: boolean) => void; disabled: boolean }) {
  const nameId = `attendance-${row.enrolmentId}`;
  return (
    <Paper withBorder radius="md" p="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Box miw={0}>
          <Text fw={600} id={nameId}>
            {row.person.name}
          </Text>
          <Text size="xs" c="gray.8">
            {saved === undefined ? 'Not marked yet' : `Saved: ${saved ? 'present' : 'absent'}`}
            {value !== undefined && value !== saved ? ' · changed, not saved' : ''}
          </Text>
        </Box>
        <Group gap={6} role="group" aria-labelledby={nameId} wrap="nowrap">
          <Button size="md" miw={104} variant={value === true ? 'filled' : 'default'} color="teal.9" aria-pressed={value === true} onClick={() => onChange(true)} disabled={disabled}>
            Present
          </Button>
          <Button size="md" miw={104} variant={value === false ? 'filled' : 'default'} color="red.9" aria-pressed={value === false} onClick={() => onChange(false)} disabled={disabled}>
            Absent
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

function CompletionResult({ result, names }: { result: CompletionView; names: Map<string, string> }) {
  const list = (ids: string[]) => (ids.length ? ids.map((id) => names.get(id) ?? 'Someone').join(', ') : 'nobody');
  return (
    <Alert color="teal" variant="light" title="The session is completed" role="status">
      <Text size="sm">Completed: {list(result.completed)}.</Text>
      <Text size="sm">Did not attend enough: {list(result.noShow)}.</Text>
      {result.completed.length > 0 && <Text size="sm">Each completed learner is owed a certificate; the service-level clock has started.</Text>}
    </Alert>
  );
}

function CompleteError({ error }: { error: unknown }) {
  if (!isApiProblem(error) || error.status !== 409) return <ErrorAlert error={error} title="Not completed" />;
  const missing = error.errors.map((e) => e.message);
  return (
    <Alert color="orange" variant="light" title="Not completed yet" role="alert">
      <Text size="sm">{missing.length ? 'Attendance is incomplete; nothing was changed. Still to mark:' : error.detail}</Text>
      {missing.length > 0 && (
        <List size="sm" mt={4}>
          {missing.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function AttendanceSection({ session }: { session: SessionLike }) {
  const attendance = useAttendance(session.id);
  const record = useRecordAttendance(session.id);
  const complete = useCompleteSession(session.id);
  const [day, setDay] = useState<string | null>(null);
  const [draft, setDraft] = useState<Record<string, boolean>>({});
  const [result, setResult] = useState<CompletionView | null>(null);
  const view = attendance.data;
  const current = day ?? (view ? defaultDay(view, session.timeZone) : null);
  const confirmed = useMemo(() => (view?.enrolments ?? []).filter((e) => e.state === 'confirmed'), [view]);
  const finished = (view?.enrolments ?? []).filter((e) => e.state === 'completed' || e.state === 'no_show');
  const names = useMemo(() => new Map((view?.enrolments ?? []).map((e) => [e.enrolmentId, e.person.name])), [view]);

  // The default day is chosen once: after a save it would move on to the next unmarked day under the user's feet.
  useEffect(() => {
    if (view && day === null) setDay(defaultDay(view, session.timeZone));
  }, [view, day, session.timeZone]);

  // The day's saved marks are the starting point whenever the day or the saved data changes.
  useEffect(() => {
    if (!current) return;
    setDraft(Object.fromEntries(confirmed.flatMap((r) => (savedMark(r, current) === undefined ? [] : [[r.enrolmentId, savedMark(r, current)!]]))));
  }, [current, confirmed]);

  if (attendance.isPending) return null;
  if (attendance.isError || !view || !current) return <ErrorAlert error={attendance.error} title="Attendance cannot be loaded" />;

  const ended = Date.parse(session.endsAt) <= Date.now();
  const notYet = current > today(session.timeZone);
  const marks = confirmed.filter((r) => draft[r.enrolmentId] !== undefined).map((r) => ({ enrolmentId: r.enrolmentId, present: draft[r.enrolmentId]! }));
  const unsaved = confirmed.filter((r) => draft[r.enrolmentId] !== undefined && draft[r.enrolmentId] !== savedMark(r, current)).length;

  const save = () =>
    record.mutate(
      { day: current, marks },
      { onSuccess: () => notifications.show({ color: 'teal', title: 'Attendance saved', message: `${dayLabel(current)}: ${marks.filter((m) => m.present).length} present, ${marks.filter((m) => !m.present).length} absent.` }) },
    );
  const completeNow = () => {
    setResult(null);
    complete.mutate(undefined, { onSuccess: setResult });
  };

  return (
    <Box component="section" aria-labelledby="roster-attendance" className="stride-no-print">
      <Title order={2} size="h3" id="roster-attendance" mb="xs">
        Attendance
      </Title>
      <Stack gap="sm" maw={640}>
        {session.status === 'cancelled' ? (
          <Text size="sm">This session was cancelled; there is no attendance to record.</Text>
        ) : (
          <>
            <NativeSelect
              label="Session day"
              value={current}
              onChange={(e) => {
                setDay(e.currentTarget.value);
                record.reset();
              }}
              data={view.days.map((d) => ({ value: d, label: dayLabel(d) }))}
              size="md"
            />
            {notYet && <Text size="sm">This day has not come yet; mark it on the day.</Text>}
            {confirmed.length === 0 ? (
              <Text size="sm">No one with a confirmed seat is left to mark.</Text>
            ) : (
              <>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" c="gray.8" role="status" aria-live="polite">
                    {marks.length} of {confirmed.length} marked{unsaved ? ` · ${unsaved} not saved` : ''}
                  </Text>
                  <Button variant="default" leftSection={<IconChecks size={16} aria-hidden />} onClick={() => setDraft(Object.fromEntries(confirmed.map((r) => [r.enrolmentId, true])))} disabled={notYet}>
                    Mark everyone present
                  </Button>
                </Group>
                <Stack component="ul" gap="xs" p={0} m={0} aria-label={`Attendance on ${dayLabel(current)}`}>
                  {confirmed.map((r) => (
                    <MarkRow key={r.enrolmentId} row={r} value={draft[r.enrolmentId]} saved={savedMark(r, current)} disabled={notYet} onChange={(present) => setDraft((d) => ({ ...d, [r.enrolmentId]: present }))} />
                  ))}
                </Stack>
                {record.error ? <ErrorAlert error={record.error} title="Attendance not saved" /> : null}
                <Button size="md" leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={save} loading={record.isPending} disabled={notYet || marks.length === 0}>
                  Save {dayLabel(current)}
                </Button>
              </>
            )}
            {ended && (
              <Paper withBorder radius="md" p="sm">
                <Stack gap="xs">
                  <Text size="sm">The session is over. Completing it applies the course’s rule to everyone still confirmed: enough days present → completed (a certificate follows), otherwise did not attend.</Text>
                  <Button variant="light" c="teal.9" leftSection={<IconFlag size={16} aria-hidden />} onClick={completeNow} loading={complete.isPending}>
                    Complete the session
                  </Button>
                  {complete.error ? <CompleteError error={complete.error} /> : null}
                  {result && <CompletionResult result={result} names={names} />}
                </Stack>
              </Paper>
            )}
          </>
        )}
        {finished.length > 0 && (
          <Box>
            <Title order={3} size="h4" mt="sm" mb={6}>
              After the session ({finished.length})
            </Title>
            <Stack component="ul" gap={6} p={0} m={0} aria-label="After the session">
              {finished.map((r) => (
                <Group component="li" key={r.enrolmentId} gap="xs" style={{ listStyle: 'none' }}>
                  <Text size="sm" fw={600}>
                    {r.person.name}
                  </Text>
                  <Badge variant="light" color={stateColors[r.state].color} c={stateColors[r.state].c}>
                    {stateLabels[r.state]}
                  </Badge>
                  <Text size="xs" c="gray.8">
                    present {r.marks.filter((m) => m.present).length} of {view.days.length} days
                  </Text>
                </Group>
              ))}
            </Stack>
          </Box>
        )}
      </Stack>
    </Box>
  );
}
