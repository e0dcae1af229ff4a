import { Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { FormActions } from '../../app/web/components/form-actions';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { goalUpdateInput, type GoalUpdateInput } from '../portfolio-schemas';

type Props = {
  initial?: GoalUpdateInput;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: GoalUpdateInput, form: { applyProblem: (e: unknown) => string[]; reset: () => void }) => void;
  onCancel?: () => void;
};

const empty = { title: '', description: '', active: true };

/** A strategic goal's fields (RQ-7), checked with the server's schema; the server's field errors beside their fields. */
export function GoalForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const form = useZodForm({ ...empty, ...initial });
  const submit = () => {
    const input = form.validate(goalUpdateInput);
    if (input) onSubmit(input, { applyProblem: form.applyProblem, reset: () => form.reset(empty) });
  };
  return (
    <form
      ref={form.formRef}
      noValidate
      aria-label={initial ? `Change the goal ${initial.title}` : 'Add a strategic goal'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <TextInput label="Goal" description="As the organization states it." required maxLength={200} {...form.textProps('title')} />
        <Textarea label="What it means for the unit (optional)" autosize minRows={2} maxLength={2000} {...form.textProps('description')} />
        {initial && <Checkbox label="Current (offered to new requests)" checked={form.values.active} onChange={(e) => form.setValue('active', e.currentTarget.checked)} />}
        {error != null && !form.errors.title && !form.errors.description && <ErrorAlert error={error} title="The goal was not saved" />}
        <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
