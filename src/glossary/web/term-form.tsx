import { Stack, Textarea, TextInput } from '@mantine/core';
import { FormActions } from '../../app/web/components/form-actions';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { glossaryTermInput, type GlossaryTermInput } from '../glossary-schemas';

type Props = {
  initial?: GlossaryTermInput;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: GlossaryTermInput, form: { applyProblem: (e: unknown) => string[]; reset: () => void }) => void;
  onCancel?: () => void;
};

/**
 * A glossary term's fields (FB-3), for the glossary page and the workshop's word harvest (CX-3):
 * checked with the server's schema, the server's field errors shown beside their fields, and what
 * was typed kept when a save is refused.
 */
export function TermForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const empty = { term: '', definition: '', example: '' };
  const form = useZodForm({ ...empty, ...initial, example: initial?.example ?? '' });
  const submit = () => {
    const input = form.validate(glossaryTermInput, { ...form.values, example: form.values.example.trim() || null });
    if (input) onSubmit(input, { applyProblem: form.applyProblem, reset: () => form.reset(empty) });
  };
  return (
    <form
      ref={form.formRef}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        <TextInput label="Word or phrase" description="As people of the organization say it." required maxLength={80} {...form.textProps('term')} />
        <Textarea label="What it means" required autosize minRows={2} maxLength={2000} {...form.textProps('definition')} />
        <TextInput label="Heard as (optional)" description="A sentence where someone used it." maxLength={500} {...form.textProps('example')} />
        {error != null && !form.errors.term && !form.errors.definition && !form.errors.example && <ErrorAlert error={error} title="The word was not saved" />}
        <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
