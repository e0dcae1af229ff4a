import { NumberInput, SimpleGrid, Switch } from '@mantine/core';
import type { FormErrors } from './use-catalog-form';

// AF-1 / AF-4 settings of a course, in the editor's "After the event" section: how much of a
// session a learner must attend to complete it, and when and how the follow-up asks them.

type Values = { completionMinPercent: number | string; followUpDays: number | string; followUpAnonymous: boolean };

type Props = {
  values: Values;
  errors: FormErrors;
  onChange: {
    (key: 'completionMinPercent' | 'followUpDays', value: number | string): void;
    (key: 'followUpAnonymous', value: boolean): void;
  };
};

function attendanceHint(value: number | string): string {
  const percent = Number(value);
  if (value === '' || !Number.isInteger(percent) || percent < 1 || percent > 100) return 'From 1 to 100. 100 means every day of the session.';
  if (percent === 100) return 'Every day of the session: one absence means no completion and no certificate.';
  return `At least ${percent} % of the session’s days: on a 5-day session, ${Math.ceil((5 * percent) / 100)} days present complete it.`;
}

export function AfterTheEventFields({ values, errors, onChange }: Props) {
  const days = Number(values.followUpDays);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label="Days to attend to complete (%)"
          description={attendanceHint(values.completionMinPercent)}
          min={1}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          suffix=" %"
          value={values.completionMinPercent}
          onChange={(v) => onChange('completionMinPercent', v)}
          error={errors.completionMinPercent}
        />
        <NumberInput
          label="Follow-up after (days)"
          description={
            Number.isInteger(days) && days >= 1
              ? `Learner and supervisor are asked whether the objectives were met ${days} day${days === 1 ? '' : 's'} after completion.`
              : 'From 1 to 365 days after completion; 30 is usual.'
          }
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          value={values.followUpDays}
          onChange={(v) => onChange('followUpDays', v)}
          error={errors.followUpDays}
        />
      </SimpleGrid>
      <Switch
        label="Follow-up answers reach the instructor without names"
        description="When on, the instructor sees what was answered but not who answered it; the training unit still sees who, to offer support."
        checked={values.followUpAnonymous}
        onChange={(event) => onChange('followUpAnonymous', event.currentTarget.checked)}
        error={errors.followUpAnonymous}
      />
    </>
  );
}
