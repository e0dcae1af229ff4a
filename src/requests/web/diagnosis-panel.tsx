import { Badge, Button, Card, Group, Progress, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { diagnosisInput, type DiagnosisView } from '../request-schemas';
import { causeKinds, causeLabels, weightLabels, type CauseKind } from '../request-values';
import { issuesByPath } from './field-errors';
import { useDiagnose, type Request } from './requests-api';

/** RQ-3: which causes dominate, as bars by weight — what people would rather look at than read. */
export function DiagnosisChart({ d }: { d: DiagnosisView }) {
  return (
    <Stack gap="xs" role="list" aria-label="Causes by weight">
      {d.causes.map((c) => (
        <div key={c.cause} role="listitem">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={d.dominant.includes(c.cause) ? 700 : 400}>
              {causeLabels[c.cause]} {d.dominant.includes(c.cause) && <Badge size="xs" color="grape">dominant</Badge>}
            </Text>
            <Text size="sm" c="gray.7">
              {weightLabels[c.weight]} · {Math.round(c.share * 100)}%
            </Text>
          </Group>
          <Progress value={(c.weight / 3) * 100} color={d.dominant.includes(c.cause) ? 'grape' : 'blue'} aria-label={`${causeLabels[c.cause]}: ${weightLabels[c.weight]}`} />
          {c.evidence && (
            <Text size="xs" c="gray.7" mt={2}>
              Evidence: {c.evidence}
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}

export function DiagnosisView({ r }: { r: Request }) {
  const d = r.diagnosis;
  return (
    <Stack gap="lg">
      {d ? (
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="sm">
            The performance gap
          </Title>
          <Text size="sm"><b>Now:</b> {d.gapCurrent}</Text>
          <Text size="sm"><b>Wanted:</b> {d.gapDesired}</Text>
          <Text size="sm" mb="md"><b>Measured by:</b> {d.gapMeasure}</Text>
          <Title order={3} size="h5" mb="xs">
            Causes, weighed with evidence
          </Title>
          <DiagnosisChart d={d} />
        </Card>
      ) : (
        <Text c="gray.7">No diagnosis yet. The owner weighs the causes before any solution is discussed.</Text>
      )}
      {r.canWork && ['triaged', 'diagnosing', 'recommended', 'discussing'].includes(r.state) && <DiagnosisForm r={r} />}
    </Stack>
  );
}

type CauseRow = { cause: CauseKind; weight: number; evidence: string };

function DiagnosisForm({ r }: { r: Request }) {
  const d = r.diagnosis;
  const [gap, setGap] = useState({ gapCurrent: d?.gapCurrent ?? '', gapDesired: d?.gapDesired ?? '', gapMeasure: d?.gapMeasure ?? '' });
  const [causes, setCauses] = useState<CauseRow[]>(causeKinds.map((cause) => d?.causes.find((c) => c.cause === cause) ?? { cause, weight: 0, evidence: '' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const diagnose = useDiagnose(r.id);
  const setCause = (i: number, patch: Partial<CauseRow>) => setCauses((all) => all.map((c, n) => (n === i ? { ...c, ...patch } : c)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = diagnosisInput.safeParse({ revision: r.revision, ...gap, causes: causes.map(({ cause, weight, evidence }) => ({ cause, weight, evidence })) });
    if (!parsed.success) return setErrors(issuesByPath(parsed.error));
    setErrors({});
    diagnose.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'teal', title: 'Diagnosis saved', message: 'The chart shows which causes dominate.' }),
      onError: (error) => setErrors(issuesByPath(error)),
    });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="diagnose-heading">
      <Title order={2} size="h4" id="diagnose-heading" mb="sm">
        {d ? 'Refine the diagnosis' : 'Diagnose'}
      </Title>
      <form onSubmit={onSubmit} noValidate aria-label="Diagnosis">
        <Stack gap="sm">
          {diagnose.error && <ErrorAlert error={diagnose.error} title="Not saved" />}
          <Textarea label="What happens now" autosize minRows={2} value={gap.gapCurrent} onChange={(e) => setGap({ ...gap, gapCurrent: e.currentTarget.value })} error={errors.gapCurrent} />
          <Textarea label="What should happen" autosize minRows={2} value={gap.gapDesired} onChange={(e) => setGap({ ...gap, gapDesired: e.currentTarget.value })} error={errors.gapDesired} />
          <Textarea label="Measured how" autosize minRows={1} value={gap.gapMeasure} onChange={(e) => setGap({ ...gap, gapMeasure: e.currentTarget.value })} error={errors.gapMeasure} />
          {errors.causes && (
            <Text c="red.8" size="sm" role="alert">
              {errors.causes}
            </Text>
          )}
          {causes.map((c, i) => (
            <Card key={c.cause} withBorder padding="sm" radius="sm">
              <Text fw={600} size="sm" id={`cause-${c.cause}`}>
                {causeLabels[c.cause]}
              </Text>
              <SegmentedControl
                aria-labelledby={`cause-${c.cause}`}
                size="xs"
                mt={4}
                value={String(c.weight)}
                onChange={(v) => setCause(i, { weight: Number(v) })}
                data={weightLabels.map((label, w) => ({ value: String(w), label }))}
              />
              <Textarea
                mt="xs"
                label={`Evidence for “${causeLabels[c.cause]}”`}
                autosize
                minRows={1}
                value={c.evidence}
                onChange={(e) => setCause(i, { evidence: e.currentTarget.value })}
                error={errors[`causes.${i}.evidence`] ?? errors[`causes.${i}.weight`]}
              />
            </Card>
          ))}
          <Group>
            <Button type="submit" loading={diagnose.isPending}>
              Save the diagnosis
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
