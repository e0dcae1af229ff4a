import { Alert, Anchor, Box, Breadcrumbs, Button, Card, Group, Radio, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { checkResults, checkSubjectTypes, type CheckResult, type CheckSubjectType, type StandardKind } from '../standard-kinds';
import { checkResultInput } from '../standard-views';
import { ConformancePanel } from './conformance-panel';
import { resultLabels } from './conformance-badge';
import { fieldErrorsOf, useConformance, useRecordChecks, useStandardVersion, type ConformanceView } from './standards-api';

type Draft = Record<string, { result: CheckResult | null; reason: string }>;

/** One standard's checklist for this subject, against the version in force, kept as typed through errors. */
function ChecklistForm({ kind, view }: { kind: StandardKind; view: ConformanceView }) {
  const inForce = useStandardVersion(kind);
  const record = useRecordChecks(view.subjectType, view.subjectId);
  const current = view.standards.find((s) => s.kind === kind);
  const [draft, setDraft] = useState<Draft>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (inForce.isPending) return <Skeleton height={160} />;
  if (!inForce.data) return null;
  const version = inForce.data.version;
  const items = inForce.data.content.checklist.filter((i) => i.appliesTo.includes(view.subjectType));
  if (items.length === 0) return null;
  // What was recorded against this same version starts the form; an older version's results do not carry over.
  const recorded = current?.version === version ? new Map(current.items.map((i) => [i.id, i])) : new Map();
  const valueOf = (id: string) => draft[id] ?? { result: recorded.get(id)?.result ?? null, reason: recorded.get(id)?.reason ?? '' };
  const set = (id: string, next: Partial<{ result: CheckResult | null; reason: string }>) => setDraft((d) => ({ ...d, [id]: { ...valueOf(id), ...next } }));
  const headingId = `check-${kind}`;

  const onSubmit = async () => {
    const results = items.flatMap((item) => {
      const v = valueOf(item.id!);
      return v.result ? [{ itemId: item.id!, result: v.result, reason: v.reason }] : [];
    });
    const local: Record<string, string> = {};
    results.forEach((r) => {
      const parsed = checkResultInput.safeParse(r);
      if (!parsed.success) local[r.itemId] = parsed.error.issues[0]?.message ?? 'Check this result.';
    });
    if (results.length === 0) local._form = 'Choose a result for at least one item.';
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await record.mutateAsync({ kind, version, results });
      setDraft({});
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const byItem: Record<string, string> = {};
      for (const [field, message] of Object.entries(fields)) {
        const index = /^results\.(\d+)\./.exec(field)?.[1];
        const item = index !== undefined ? results[Number(index)] : undefined;
        byItem[item?.itemId ?? '_form'] = message;
      }
      setErrors(byItem);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
      <form onSubmit={(e) => { e.preventDefault(); void onSubmit(); }} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id={headingId}>
            {inForce.data.name}, version {version}
          </Title>
          {current && current.version !== version && (
            <Alert color="orange" variant="light">
              Last checked against version {current.version}. Results recorded here are against version {version}, in force now.
            </Alert>
          )}
          {items.map((item, i) => {
            const v = valueOf(item.id!);
            return (
              <Box key={item.id}>
                <Radio.Group label={`${i + 1}. ${item.text}`} value={v.result ?? ''} onChange={(r) => set(item.id!, { result: r as CheckResult })} error={v.result !== 'waived' ? errors[item.id!] : undefined}>
                  <Group mt={6} gap="lg">
                    {checkResults.map((r) => (
                      <Radio key={r} value={r} label={resultLabels[r]} />
                    ))}
                  </Group>
                </Radio.Group>
                {(v.result === 'waived' || v.result === 'failed') && (
                  <Textarea
                    mt="xs"
                    label={v.result === 'waived' ? 'Why it is waived' : 'What is missing (optional)'}
                    required={v.result === 'waived'}
                    autosize
                    minRows={2}
                    value={v.reason}
                    onChange={(e) => set(item.id!, { reason: e.currentTarget.value })}
                    error={v.result === 'waived' ? errors[item.id!] : undefined}
                  />
                )}
              </Box>
            );
          })}
          {errors._form && (
            <Text c="red.8" size="sm" role="alert">
              {errors._form}
            </Text>
          )}
          {record.isError && Object.keys(errors).length === 0 && <ErrorAlert error={record.error} title="The results were not saved" />}
          <Group>
            <Button type="submit" loading={record.isPending}>
              Save results
            </Button>
            {record.isSuccess && (
              <Text size="sm" c="teal.9" role="status">
                Results saved.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** ST-2: a coordinator or consultant checks a course, session or deliverable against each standard. */
export function CheckPage() {
  const params = useParams();
  const subjectType = checkSubjectTypes.find((t) => t === params.subjectType) as CheckSubjectType | undefined;
  const conformance = useConformance(subjectType ?? 'course', subjectType ? params.subjectId : undefined);
  const back =
    subjectType === 'course' ? (
      <Anchor component={Link} to={`/catalog/courses/${params.subjectId}`} size="sm">
        The course
      </Anchor>
    ) : (
      <Anchor component={Link} to="/standards" size="sm">
        Standards
      </Anchor>
    );
  const breadcrumb = <Breadcrumbs separator="›" aria-label="Breadcrumb">{back}</Breadcrumbs>;
  if (!subjectType || conformance.isError) {
    return (
      <>
        <PageHeader above={breadcrumb} title="Check against the standards" />
        {conformance.isError ? <ErrorAlert error={conformance.error} title="This cannot be checked" /> : <EmptyState icon={<IconChecklist size={24} />} title="Nothing to check here">Only courses, sessions and deliverables are checked against the standards.</EmptyState>}
      </>
    );
  }
  if (conformance.isPending) {
    return (
      <>
        <PageHeader above={breadcrumb} title="Check against the standards" />
        <Skeleton height={300} role="status" aria-label="Loading the checklists" />
      </>
    );
  }
  const view = conformance.data;
  const kinds: StandardKind[] = subjectType === 'session' ? ['delivery-methodology', 'style-guide', 'design-model'] : ['design-model', 'style-guide', 'delivery-methodology'];
  return (
    <>
      <PageHeader above={breadcrumb} title={`Check: ${view.subjectLabel}`} description="Mark each item passed, failed, or waived with the reason. Results are kept against the version they were checked against; checking an item again replaces its result." />
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap="lg" style={{ flex: '2 1 520px' }}>
          {view.mayCheck ? kinds.map((k) => <ChecklistForm key={k} kind={k} view={view} />) : <Alert color="gray">You can read this conformance, but not record results.</Alert>}
        </Stack>
        <Box style={{ flex: '1 1 280px' }}>
          <ConformancePanel subjectType={subjectType} subjectId={view.subjectId} />
        </Box>
      </Group>
    </>
  );
}
