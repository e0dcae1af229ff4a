import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { plural } from '../../app/web/format';
import { catalogKeys, isStale, useChangeCourseStatus, type CourseDetailView } from './catalog-api';

type Props = { course: CourseDetailView; action: 'publish' | 'retire' | null; onClose: () => void };

/** CA-1: publishing puts a course in front of everyone; retiring takes it out. Both are revisions, both asked once more. */
export function CourseStatusModal({ course, action, onClose }: Props) {
  const change = useChangeCourseStatus(course.id);
  const client = useQueryClient();
  const stale = isStale(change.error, 'revision');
  const blocked = action === 'retire' && course.upcomingSessionCount > 0;

  const close = () => {
    change.reset();
    onClose();
  };

  const confirm = () => {
    if (!action) return;
    change.mutate(
      { action, revision: course.revision },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            title: action === 'publish' ? 'Course published' : 'Course retired',
            message: action === 'publish' ? `${saved.title} is in the catalog (revision ${saved.revision}).` : `${saved.title} has left the catalog (revision ${saved.revision}).`,
          });
          close();
        },
      },
    );
  };

  return (
    <Modal
      opened={action !== null}
      onClose={close}
      title={action === 'publish' ? `Publish ${course.title}?` : `Retire ${course.title}?`}
      centered
      closeButtonProps={{ 'aria-label': action === 'publish' ? 'Close without publishing' : 'Close without retiring' }}
    >
      <Stack gap="sm">
        {action === 'publish' ? (
          <Text size="sm">Everyone signed in will find it in the catalog, with its upcoming sessions and whom to ask. The history keeps this as revision {course.revision + 1}.</Text>
        ) : (
          <Text size="sm">
            It leaves the catalog: learners no longer find it, and it takes no new sessions. Its history, objectives and past sessions stay, and it can be published again later.
          </Text>
        )}
        {blocked && (
          <Alert color="orange" variant="light" title="Cancel its sessions first">
            <Text size="sm">
              The course has {plural(course.upcomingSessionCount, 'upcoming session')}. Cancel {course.upcomingSessionCount === 1 ? 'it' : 'them'} on the course page
              first, so whoever planned to attend hears about it.
            </Text>
          </Alert>
        )}
        {change.error && <ErrorAlert error={change.error} title={stale ? 'Someone saved this course meanwhile' : action === 'publish' ? 'Not published' : 'Not retired'} />}
        <Group justify="flex-end" mt="sm">
          {stale ? (
            <Button
              variant="default"
              onClick={() => {
                void client.invalidateQueries({ queryKey: catalogKeys.course(course.id) });
                close();
              }}
            >
              Close and reload the course
            </Button>
          ) : (
            <Button variant="default" onClick={close} disabled={change.isPending}>
              {action === 'publish' ? 'Not yet' : 'Keep it in the catalog'}
            </Button>
          )}
          <Button color={action === 'retire' ? 'red' : undefined} onClick={confirm} loading={change.isPending} disabled={stale || blocked}>
            {action === 'publish' ? 'Publish now' : 'Retire the course'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
