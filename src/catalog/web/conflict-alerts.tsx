import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from '../../app/web/api';

// Two editors at once (decision 013: optimistic concurrency). The later save is refused with 409;
// the editor keeps what they typed, loads the latest, and can put their changes back on top of it.

type StaleProps = {
  error: unknown;
  /** "course" or "session". */
  what: string;
  onLoadLatest: () => void;
  loading: boolean;
  /** Where to read what the other editor changed, in a new tab so the form stays. */
  historyHref?: string;
};

export function StaleAlert({ error, what, onLoadLatest, loading, historyHref }: StaleProps) {
  return (
    <Alert color="orange" variant="light" title={`Someone else saved this ${what} while you were editing`} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{describeError(error)}</Text>
        <Text size="sm">
          Nothing of yours was saved, and nothing is lost: your changes stay in the form. Load the latest to see theirs; what you typed is kept aside and can be put
          back.
        </Text>
        <Group gap="sm">
          <Button leftSection={<IconRefresh size={16} aria-hidden />} loading={loading} onClick={onLoadLatest}>
            Load the latest
          </Button>
          {historyHref && (
            <Anchor href={historyHref} target="_blank" rel="noopener" size="sm">
              See what changed (opens in a new tab)
            </Anchor>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

/** Shown once the latest is loaded: what the editor had typed can come back, deliberately. */
export function ReloadedNotice({ title, onPutBack }: { title: string; onPutBack: () => void }) {
  const [restored, setRestored] = useState(false);
  return (
    <Alert color="blue" variant="light" title={title} role="status">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {restored
            ? 'Your changes are back in the form, on top of the latest: saving now replaces what the other editor saved.'
            : 'The form now shows the latest. What you had typed is kept aside: compare, then put your changes back if they should win.'}
        </Text>
        {!restored && (
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              onPutBack();
              setRestored(true);
            }}
          >
            Put my changes back
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
