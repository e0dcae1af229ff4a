import { ActionIcon, Anchor, Badge, Button, Card, Group, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { formatDate } from '../../app/web/format';
import { PersonSelect } from '../../people/web/person-select';
import { useCatalog } from '../../catalog/web/catalog-api';
import { projectSizes } from '../../development/development-values';
import { onlyTraining, recommendationInput, respondInput, type RecommendationView } from '../request-schemas';
import { interventionKinds, interventionLabels, type InterventionKind } from '../request-values';
import { issuesByPath } from './field-errors';
import { useRecommend, useRespond, type Request } from './requests-api';

/** RQ-5: every version, newest first; the requester answers the latest; the owner issues or revises. */
export function RecommendationPanel({ r }: { r: Request }) {
  const versions = [...r.recommendations].reverse();
  return (
    <Stack gap="lg">
      {versions.length === 0 && <Text c="gray.7">No recommendation yet: it follows the diagnosis.</Text>}
      {versions.map((rec, i) => (
        <VersionCard key={rec.id} r={r} rec={rec} latest={i === 0} />
      ))}
      {r.canRespond && versions[0] && <RespondForm r={r} version={versions[0].version} />}
      {r.canWork && ['diagnosing', 'recommended', 'discussing'].includes(r.state) && <RecommendationForm r={r} />}
    </Stack>
  );
}

function VersionCard({ r, rec, latest }: { r: Request; rec: RecommendationView; latest: boolean }) {
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={`rec-${rec.version}`} opacity={latest ? 1 : 0.8}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id={`rec-${rec.version}`}>
          Recommendation, version {rec.version}
        </Title>
        <Group gap="xs">
          {rec.nonTraining && <Badge color="teal">Not (only) training</Badge>}
          {rec.response && <Badge color={rec.response === 'accepted' ? 'green' : 'yellow'}>{rec.response === 'accepted' ? 'Accepted' : 'Discussed'}</Badge>}
        </Group>
      </Group>
      <Text size="sm" c="gray.7" mb="sm">
        By {rec.issuedBy.name}, {formatDate(rec.issuedAt)}
      </Text>
      <Text mb="sm">{rec.summary}</Text>
      <Stack gap="xs" mb="sm">
        {rec.interventions.map((i, n) => (
          <Card key={n} withBorder padding="sm" radius="sm">
            <Group gap="xs">
              <Badge variant="light" color={i.training ? 'blue' : 'teal'}>
                {interventionLabels[i.kind]}
              </Badge>
              <Text fw={600} size="sm">
                {i.title}
              </Text>
            </Group>
            <Text size="sm">{i.rationale}</Text>
            <Text size="xs" c="gray.7">
              Owner: {i.owner.name}
              {i.course ? ` · Course: ${i.course.title} (${i.course.code})` : ''}
            </Text>
          </Card>
        ))}
      </Stack>
      {rec.explanation && (
        <>
          <Title order={3} size="h5">
            Why, and the alternatives
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {rec.explanation}
          </Text>
          <Anchor component={Link} to={`/requests/${r.id}/explanation`} size="sm" mt="xs">
            Print the explanation
          </Anchor>
        </>
      )}
      {rec.responseNote && (
        <Text size="sm" mt="sm">
          <b>{rec.respondedBy?.name}:</b> {rec.responseNote}
        </Text>
      )}
    </Card>
  );
}

function RespondForm({ r, version }: { r: Request; version: number }) {
  const [response, setResponse] = useState<string>('accepted');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const respond = useRespond(r.id);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = respondInput.safeParse({ response, note });
    if (!parsed.success) return setErrors(issuesByPath(parsed.error));
    setErrors({});
    respond.mutate(
      { ...parsed.data, version },
      {
        onSuccess: (saved) => notifications.show({ color: 'teal', title: saved.state === 'discussing' ? 'Sent to the consultant' : 'Accepted', message: saved.state === 'discussing' ? 'The consultant will revise the recommendation with you.' : 'Each intervention is now followed to its end; you see them under Follow-through.' }),
        onError: (error) => setErrors(issuesByPath(error)),
      },
    );
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="respond-heading">
      <Title order={2} size="h4" id="respond-heading" mb="sm">
        Your decision on version {version}
      </Title>
      <form onSubmit={onSubmit} noValidate aria-label="Your decision">
        <Stack gap="sm">
          {respond.error && <ErrorAlert error={respond.error} title="Not recorded" />}
          <Radio.Group value={response} onChange={setResponse} label="What do you decide?" error={errors.response}>
            <Stack gap={6} mt={6}>
              <Radio value="accepted" label="I accept the recommendation" />
              <Radio value="discuss" label="I would like to discuss it" />
            </Stack>
          </Radio.Group>
          <Textarea label="Your note" description="Required when you want to discuss: what would you change?" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
          <Group>
            <Button type="submit" loading={respond.isPending}>
              Record my decision
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

type Row = { kind: InterventionKind; title: string; rationale: string; ownerId: string; ownerName: string; courseId: string | null; size: string | null };
const blank = (): Row => ({ kind: 'procedure_change', title: '', rationale: '', ownerId: '', ownerName: '', courseId: null, size: null });

function RecommendationForm({ r }: { r: Request }) {
  const last = r.recommendations.at(-1);
  const [summary, setSummary] = useState(last?.summary ?? '');
  const [explanation, setExplanation] = useState(last?.explanation ?? '');
  const [rows, setRows] = useState<Row[]>(last ? last.interventions.map((i) => ({ kind: i.kind, title: i.title, rationale: i.rationale, ownerId: i.owner.id, ownerName: i.owner.name, courseId: i.course?.id ?? null, size: null })) : [blank()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const recommend = useRecommend(r.id);
  const courses = useCatalog({ pageSize: 100 } as never);
  const courseOptions = (courses.data?.items ?? []).map((c: { id: string; title: string; code: string }) => ({ value: c.id, label: `${c.title} (${c.code})` }));
  const setRow = (i: number, patch: Partial<Row>) => setRows((all) => all.map((x, n) => (n === i ? { ...x, ...patch } : x)));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = recommendationInput.safeParse({ summary, explanation, interventions: rows.map(({ ownerName: _, ...x }) => x) });
    if (!parsed.success) return setErrors(issuesByPath(parsed.error));
    setErrors({});
    recommend.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'teal', title: 'Recommendation sent', message: 'The requester is mailed it, with your explanation.' }),
      onError: (error) => setErrors(issuesByPath(error)),
    });
  };
  const needsExplanation = !onlyTraining(rows);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="recommend-heading">
      <Title order={2} size="h4" id="recommend-heading" mb="sm">
        {last ? 'Revise the recommendation (a new version)' : 'Recommend'}
      </Title>
      <form onSubmit={onSubmit} noValidate aria-label="Recommendation">
        <Stack gap="sm">
          {recommend.error && <ErrorAlert error={recommend.error} title="Not sent" />}
          <Textarea label="Summary" autosize minRows={2} value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary} />
          {errors.interventions && <Text c="red.8" size="sm" role="alert">{errors.interventions}</Text>}
          {rows.map((row, i) => (
            <Card key={i} withBorder padding="sm" radius="sm" component="fieldset" aria-label={`Intervention ${i + 1}`}>
              <Group align="flex-end" gap="xs">
                <Select label={`Intervention ${i + 1}`} data={interventionKinds.map((k) => ({ value: k, label: interventionLabels[k] }))} value={row.kind} onChange={(v) => v && setRow(i, { kind: v as InterventionKind, courseId: null, size: null })} allowDeselect={false} error={errors[`interventions.${i}.kind`]} style={{ flex: 1 }} />
                {rows.length > 1 && (
                  <ActionIcon variant="subtle" color="red" aria-label={`Remove intervention ${i + 1}`} onClick={() => setRows(rows.filter((_, n) => n !== i))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
              <TextInput label="Title" value={row.title} onChange={(e) => setRow(i, { title: e.currentTarget.value })} error={errors[`interventions.${i}.title`]} />
              <Textarea label="Rationale" autosize minRows={1} value={row.rationale} onChange={(e) => setRow(i, { rationale: e.currentTarget.value })} error={errors[`interventions.${i}.rationale`]} />
              <PersonSelect label="Owner" description="Who carries it out." placeholder="Choose a person" value={row.ownerId || null} initialLabel={row.ownerName} onChange={(id) => setRow(i, { ownerId: id ?? '' })} error={errors[`interventions.${i}.ownerId`]} />
              {row.kind === 'existing_course' && <Select label="Course" searchable data={courseOptions} value={row.courseId} onChange={(v) => setRow(i, { courseId: v })} error={errors[`interventions.${i}.courseId`]} />}
              {row.kind === 'new_course' && <Select label="Development size" data={projectSizes.map((s) => ({ value: s, label: s }))} value={row.size} onChange={(v) => setRow(i, { size: v })} error={errors[`interventions.${i}.size`]} />}
            </Card>
          ))}
          <Button variant="default" onClick={() => setRows([...rows, blank()])} disabled={rows.length >= 12} w="fit-content">
            Add an intervention
          </Button>
          <Textarea
            label="Explanation for the requester"
            description={needsExplanation ? 'Training is not (only) the answer: say why, and what the alternatives are. The requester can print it.' : 'Optional when every intervention is training.'}
            autosize
            minRows={4}
            value={explanation}
            onChange={(e) => setExplanation(e.currentTarget.value)}
            error={errors.explanation}
          />
          <Group>
            <Button type="submit" loading={recommend.isPending}>
              Send to the requester
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
