import { Alert, Button, Group, Modal, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck, IconUserPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { applyInput } from '../enrolment-schemas';
import { isLive } from '../enrolment-values';
import { useEnrolInCourse, useMyLearning } from './enrolment-api';
import { EnrolmentActions } from './enrolment-actions';
import { atViewer } from './enrolment-format';
import { EnrolmentStateSummary } from './enrolment-state';
import { NominateModal } from './nominate-modal';
import { useMyTeam } from './use-my-team';

type Props = { course: { id: string; title: string } };

/** Enrol → confirm → done, for a self-paced course: no seats, no waitlist, confirmed at once. */
function EnrolModal({ opened, onClose, course }: Props & { opened: boolean; onClose: () => void }) {
  const enrol = useEnrolInCourse(course.id);
  const form = useZodForm({ note: '' });
  const close = () => {
    enrol.reset();
    form.reset({ note: '' });
    onClose();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(applyInput);
    if (input) enrol.mutate({ note: input.note || undefined }, { onError: (error) => form.applyProblem(error) });
  };
  return (
    <Modal opened={opened} onClose={close} title={enrol.data ? 'Enrolled' : `Enrol in ${course.title}`} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      {enrol.data ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Confirmed" role="status">
            You are enrolled: start whenever suits you. A confirmation is on its way to your e-mail.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-label={`Enrol in ${course.title}`}>
          <Stack gap="sm">
            <Text size="sm">Self-paced e-learning has no seats and no waitlist: your enrolment is confirmed at once.</Text>
            {enrol.error && <ErrorAlert error={enrol.error} formFields={['note']} title="Not enrolled" />}
            <Textarea label="A note to the training unit (optional)" autosize minRows={2} maxLength={1000} {...form.textProps('note')} />
            <Group justify="flex-end" mt="xs">
              <Button variant="default" onClick={close} disabled={enrol.isPending}>
                Back
              </Button>
              <Button type="submit" loading={enrol.isPending} data-autofocus>
                Enrol
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** CA-3 for self-paced e-learning (POST /courses/{id}/enrolments): Enrol, or the caller's enrolment with Cancel; supervisors enrol a report. */
export function CourseEnrolment({ course }: Props) {
  const learning = useMyLearning();
  const team = useMyTeam();
  const [enrolling, setEnrolling] = useState(false);
  const [nominating, setNominating] = useState(false);

  if (learning.isPending) return <Skeleton height={36} width={200} role="status" aria-label="Loading your enrolment" />;
  const all = [...(learning.data?.upcoming ?? []), ...(learning.data?.past ?? [])];
  const mine = all.find((e) => !e.session && e.course.id === course.id && isLive(e.state));

  return (
    <Stack gap="xs" mt="sm" maw={420} className="stride-enrolment-control">
      {mine ? (
        <>
          <EnrolmentStateSummary enrolment={mine} who={{ self: true }} detail={false} />
          <Text size="sm" c="gray.8">
            Enrolled on {atViewer(mine.confirmedAt ?? mine.appliedAt)}.
          </Text>
          <EnrolmentActions enrolment={mine} self staff={team.staff} />
        </>
      ) : (
        <Group>
          <Button onClick={() => setEnrolling(true)}>Enrol</Button>
        </Group>
      )}
      {team.nominates && (
        <Group>
          <Button variant="default" size="xs" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setNominating(true)}>
            {team.staff ? 'Enrol someone…' : 'Enrol a report…'}
          </Button>
        </Group>
      )}
      <EnrolModal opened={enrolling} onClose={() => setEnrolling(false)} course={course} />
      {team.nominates && (
        <NominateModal opened={nominating} onClose={() => setNominating(false)} target={{ courseId: course.id }} what={course.title} staff={team.staff} selfId={team.actor.id} />
      )}
    </Stack>
  );
}
