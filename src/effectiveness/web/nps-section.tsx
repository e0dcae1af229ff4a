import { Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { NpsFigures } from '../effectiveness-schemas';
import { npsText } from './effectiveness-format';

// The recommendation question (AF-4, AF-7): "How likely are you to recommend this course to a
// colleague?", 0–10. The score is shown with the counts behind it, as numbers, so a score from
// four answers is not read like one from four hundred. The bar repeats the counts for the eye.

const bands = [
  { key: 'promoters', label: 'Promoters (9–10)', color: 'teal.8' },
  { key: 'passives', label: 'Passives (7–8)', color: 'gray.5' },
  { key: 'detractors', label: 'Detractors (0–6)', color: 'red.8' },
] as const;

function NpsCard({ title, figures }: { title: string; figures: NpsFigures }) {
  return (
    <Paper withBorder radius="md" p="md" className="stride-effectiveness-card">
      <Stack gap={6}>
        <Title order={3} fz="md">
          {title}
        </Title>
        <Text fz={32} fw={700} lh={1.1}>
          {npsText(figures.nps)}
          <Text span size="sm" fw={400} c="gray.7">
            {' '}
            NPS from {figures.answers} {figures.answers === 1 ? 'answer' : 'answers'}
          </Text>
        </Text>
        {figures.answers > 0 && (
          <Progress.Root size="lg" aria-hidden>
            {bands.map((b) => (
              <Progress.Section key={b.key} value={(100 * figures[b.key]) / figures.answers} color={b.color} withAria={false} />
            ))}
          </Progress.Root>
        )}
        <dl className="stride-effectiveness-counts">
          {bands.map((b) => (
            <div key={b.key}>
              <Text component="dt" size="sm" c="gray.7">
                {b.label}
              </Text>
              <Text component="dd" fw={600}>
                {figures[b.key]}
              </Text>
            </div>
          ))}
        </dl>
      </Stack>
    </Paper>
  );
}

export function NpsSection({ nps }: { nps: { learner: NpsFigures; supervisor: NpsFigures; combined: NpsFigures } }) {
  return (
    <section aria-labelledby="effectiveness-nps">
      <Title order={2} fz="lg" id="effectiveness-nps">
        Recommendation (NPS)
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        “How likely are you to recommend this course to a colleague?” NPS is the share of promoters minus the share of detractors, from −100 to +100.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NpsCard title="Learners" figures={nps.learner} />
        <NpsCard title="Supervisors" figures={nps.supervisor} />
        <NpsCard title="Everyone" figures={nps.combined} />
      </SimpleGrid>
    </section>
  );
}
