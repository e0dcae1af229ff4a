import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { formatDate } from '../../app/web/format';
import { causeLabels, interventionLabels } from '../request-values';
import { DiagnosisChart } from './diagnosis-panel';
import { useRequest } from './requests-api';

/**
 * RQ-5: the written explanation for the requester, on paper — why training is not (only) the
 * answer, the causes found and the alternatives recommended — to hand to others.
 */
export function ExplanationPrintPage() {
  const { id } = useParams();
  const found = useRequest(id);
  if (found.isPending) return <Skeleton height={400} aria-label="Loading the explanation" />;
  if (found.isError) return <ErrorAlert error={found.error} title="This explanation cannot be shown" />;
  const r = found.data;
  const rec = r.recommendations.at(-1);
  return (
    <Stack gap="md" className="stride-print-document" maw={800}>
      <Group justify="space-between" className="stride-no-print">
        <Text size="sm" c="gray.7">
          Printable explanation
        </Text>
        <Button onClick={() => window.print()}>Print</Button>
      </Group>
      <Title order={1}>{r.title}</Title>
      <Text c="gray.7">
        {r.reference} · for {r.requester.name} · from {r.owner?.name ?? 'the training unit'}
        {rec ? ` · version ${rec.version}, ${formatDate(rec.issuedAt)}` : ''}
      </Text>
      {!rec ? (
        <Text>No recommendation has been issued yet.</Text>
      ) : (
        <>
          <Title order={2} size="h3">Our recommendation</Title>
          <Text>{rec.summary}</Text>
          <Title order={2} size="h3">Why{rec.nonTraining ? ' training is not (only) the answer' : ''}</Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{rec.explanation || 'Every intervention recommended is training.'}</Text>
          {r.diagnosis && (
            <>
              <Title order={2} size="h3">What causes the gap</Title>
              <Text>
                Now: {r.diagnosis.gapCurrent} Wanted: {r.diagnosis.gapDesired} Measured by: {r.diagnosis.gapMeasure}
              </Text>
              <Text>Main cause{r.diagnosis.dominant.length > 1 ? 's' : ''}: {r.diagnosis.dominant.map((c) => causeLabels[c]).join(', ')}.</Text>
              <DiagnosisChart d={r.diagnosis} />
            </>
          )}
          <Title order={2} size="h3">The alternatives, and who owns them</Title>
          <ul>
            {rec.interventions.map((i, n) => (
              <li key={n}>
                <b>{interventionLabels[i.kind]}: {i.title}</b> — {i.rationale} (owner: {i.owner.name})
              </li>
            ))}
          </ul>
        </>
      )}
      <UnitContactCard />
    </Stack>
  );
}
