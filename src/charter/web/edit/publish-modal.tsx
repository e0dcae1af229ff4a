import { Button, Group, Modal, Stack, Text } from '@mantine/core';

type Props = { opened: boolean; summary: string; publishing: boolean; onClose: () => void; onConfirm: () => void };

/** The last look before a new version goes to the whole organization. */
export function PublishModal({ opened, summary, publishing, onClose, onConfirm }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Publish the charter?" centered closeButtonProps={{ 'aria-label': 'Close without publishing' }}>
      <Stack gap="sm">
        <Text size="sm">
          Everyone signed in will read this version from now on. Clocks already running keep the version in force when they started; earlier versions stay readable.
        </Text>
        <Text size="sm" fw={600}>
          Summary of changes
        </Text>
        <Text size="sm" c={summary ? undefined : 'gray.7'} style={{ whiteSpace: 'pre-wrap' }}>
          {summary || 'No summary written; readers will see only the list of changes.'}
        </Text>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={publishing}>
            Keep editing
          </Button>
          <Button onClick={onConfirm} loading={publishing}>
            Publish now
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
