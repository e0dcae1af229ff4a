import { Badge, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { z } from 'zod';
import { ApiProblem, isApiProblem } from '../../app/web/api';
import type { useZodForm } from '../../app/web/hooks/use-zod-form';
import { audienceAnswersInput, type AudienceAnswersInput } from '../audience-schemas';
import { prerequisiteAnswers, type FitRule, type PrerequisiteAnswer, type PriorExperience } from '../audience-values';

// The audience analysis's questions (CA-4), asked in the apply modal and later from My learning.
// They help the unit put the right people in the right class; nothing here blocks an application.

export type AudienceFormValues = {
  note: string;
  role: string;
  reason: string;
  priorExperience: PriorExperience | '';
  priorExperienceNote: string;
  selfRatedLevel: string;
  meetsPrerequisites: PrerequisiteAnswer | '';
};

export const emptyAudienceForm = (role: string): AudienceFormValues => ({ note: '', role, reason: '', priorExperience: '', priorExperienceNote: '', selfRatedLevel: '', meetsPrerequisites: '' });

/** The shared schema; "I meet the prerequisites" is required when the course names some, and left out otherwise. */
export function audienceAnswersSchema(prerequisites: string | null) {
  return prerequisites
    ? audienceAnswersInput.extend({ meetsPrerequisites: z.enum(prerequisiteAnswers, 'Choose yes, partly or no.') })
    : audienceAnswersInput.omit({ meetsPrerequisites: true });
}

/** The form's strings as the schema's input: empty choices are missing, the level a number. */
export function answersFromForm(values: AudienceFormValues): Record<string, unknown> {
  return {
    role: values.role,
    reason: values.reason,
    priorExperience: values.priorExperience || undefined,
    priorExperienceNote: values.priorExperienceNote || undefined,
    selfRatedLevel: values.selfRatedLevel ? Number(values.selfRatedLevel) : undefined,
    meetsPrerequisites: values.meetsPrerequisites || undefined,
  };
}

export function answersInput(parsed: AudienceAnswersInput): AudienceAnswersInput {
  return { ...parsed, role: parsed.role || undefined, priorExperienceNote: parsed.priorExperienceNote || undefined };
}

/** The server names the answers' fields `audience.reason` (`audience.expectations` on a nomination); the forms know them as `reason`. */
export function withAnswerFields(error: unknown): unknown {
  if (!isApiProblem(error)) return error;
  const errors = error.errors.map((e) => ({ ...e, field: e.field.replace(/^(body\.)?audience\./, '') }));
  return new ApiProblem({ status: error.status, title: error.title, detail: error.detail, code: error.code, errors });
}

const levels = [
  { value: '1', label: '1 · new to it' },
  { value: '2', label: '2' },
  { value: '3', label: '3' },
  { value: '4', label: '4' },
  { value: '5', label: '5 · could teach it' },
];

export const experienceWords: Record<PriorExperience, string> = { none: 'None', some: 'Some', a_lot: 'A lot' };
export const prerequisiteWords: Record<PrerequisiteAnswer, string> = { yes: 'Yes', partly: 'Partly', no: 'No' };
export const levelWords = (level: number) => `${level} of 5${level === 1 ? ' (new to it)' : level === 5 ? ' (could teach it)' : ''}`;

type Form = ReturnType<typeof useZodForm<AudienceFormValues>>;

export function AudienceQuestions({ form, prerequisites, self = true }: { form: Form; prerequisites: string | null; self?: boolean }) {
  const { values, errors, setValue, textProps } = form;
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8">
        {self ? 'A few questions that help the training unit put the right people in the right class. They never stop your application.' : 'Their answers help the training unit put the right people in the right class.'}
      </Text>
      <TextInput label={self ? 'Your role' : 'Their role'} description="In your own words; your job title to start with." maxLength={200} {...textProps('role')} />
      <Textarea
        label="Why do you want to attend? What will you do differently afterwards?"
        withAsterisk
        autosize
        minRows={2}
        maxLength={1000}
        {...textProps('reason')}
      />
      <Radio.Group
        label="How much have you done this before?"
        withAsterisk
        value={values.priorExperience}
        onChange={(v) => setValue('priorExperience', v as PriorExperience)}
        error={errors.priorExperience}
      >
        <Group gap="lg" mt={4}>
          <Radio value="none" label="None" />
          <Radio value="some" label="Some" />
          <Radio value="a_lot" label="A lot" />
        </Group>
      </Radio.Group>
      {values.priorExperience && values.priorExperience !== 'none' && (
        <TextInput label="What have you done so far? (optional)" maxLength={1000} {...textProps('priorExperienceNote')} />
      )}
      <Radio.Group label="How would you rate yourself today?" withAsterisk value={values.selfRatedLevel} onChange={(v) => setValue('selfRatedLevel', v)} error={errors.selfRatedLevel}>
        <Group gap="md" mt={4}>
          {levels.map((l) => (
            <Radio key={l.value} value={l.value} label={l.label} />
          ))}
        </Group>
      </Radio.Group>
      {prerequisites && (
        <Radio.Group
          label={`Do you meet the prerequisites: ${prerequisites}`}
          withAsterisk
          value={values.meetsPrerequisites}
          onChange={(v) => setValue('meetsPrerequisites', v as PrerequisiteAnswer)}
          error={errors.meetsPrerequisites}
        >
          <Group gap="lg" mt={4}>
            <Radio value="yes" label="Yes" />
            <Radio value="partly" label="Partly" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
      )}
    </Stack>
  );
}

/** A fit flag: information for a conversation, never a verdict (decision 016). */
export function FitFlagBadge({ label }: { rule?: FitRule; label: string }) {
  return (
    <Badge variant="light" color="yellow" c="yellow.9" radius="sm" tt="none" fw={700} leftSection={<IconInfoCircle size={12} aria-hidden />}>
      {label}
    </Badge>
  );
}
