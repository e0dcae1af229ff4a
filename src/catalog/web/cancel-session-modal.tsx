import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { catalogKeys, isStale, useCancelSession, type SessionView } from './catalog-api';
import { sessionTimes } from './catalog-format';

type Props = { session: SessionView | null; onClose: () => void; onCancelled?: (session: SessionView) => void };

/** CA-2: the last look before a session is cancelled; the row stays, marked, with the reason. */
export function CancelSessionModal({ session, onClose, onCancelled }: Props) {
  const cancel = useCancelSession();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const stale = isStale(cancel.error, 'sequence');

  const close = () => {
    cancel.reset();
    setReason('');
    onClose();
  };

  const confirm = () => {
    if (!session) return;
    cancel.mutate(
      { id: session.id, sequence: session.sequence, reason: reason.trim() || undefined },
      {
        onSuccess: (cancelled) => {
          notifications.show({ color: 'teal', title: 'Session cancelled', message: sessionTimes(cancelled.startsAt, cancelled.endsAt, cancelled.timeZone).local });
          close();
          onCancelled?.(cancelled);
        },
      },
    );
  };

  const times = session ? sessionTimes(session.startsAt, session.endsAt, session.timeZone) : null;
  return (
    <Modal opened={session !== null} onClose={close} title="Cancel this session?" centered closeButtonProps={{ 'aria-label': 'Close without cancelling' }}>
      <Stack gap="sm">
        {times && (
          <Text size="sm" fw={600}>
            {times.local}
            {times.yours ? ` (${times.yours})` : ''}
          </Text>
        )}
        <Text size="sm">The session stays on the course, marked as cancelled, and can no longer be changed. Schedule a new one if it moves to another date.</Text>
        <Textarea label="Reason" description="Optional; kept with the session." autosize minRows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {cancel.error && <ErrorAlert error={cancel.error} title={stale ? 'Someone changed this session meanwhile' : 'Not cancelled'} />}
        <Group justify="flex-end" mt="sm">
          {stale ? (
            <Button
              variant="default"
              onClick={() => {
                void client.invalidateQueries({ queryKey: catalogKeys.all });
                close();
              }}
            >
              Close and reload the session
            </Button>
          ) : (
            <Button variant="default" onClick={close} disabled={cancel.isPending}>
              Keep the session
            </Button>
          )}
          <Button color="red" onClick={confirm} loading={cancel.isPending} disabled={stale}>
            Cancel the session
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
