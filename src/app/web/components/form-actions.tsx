import { Button, Group } from '@mantine/core';

/** A form's submit button, and Cancel where the form can be closed without saving. */
export function FormActions({ submitLabel, pending, onCancel }: { submitLabel: string; pending: boolean; onCancel?: (() => void) | undefined }) {
  return (
    <Group>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      )}
    </Group>
  );
}
