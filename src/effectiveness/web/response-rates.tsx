import { Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { ResponseRate } from '../effectiveness-schemas';
import { percentText } from './effectiveness-format';

// How many of the follow-up forms sent (AF-4) came back, per respondent role. A progress bar is a
// native progressbar with its own accessible name and value; the sentence beside it says the same.

function Rate({ label, rate }: { label: string; rate: ResponseRate }) {
  const text = rate.opened === 0 ? 'No follow-up sent yet' : `${rate.answered} of ${rate.opened} answered (${percentText(rate.percent)})`;
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}: <Text span fw={400}>{text}</Text>
      </Text>
      <Progress value={rate.percent ?? 0} size="md" color="blue.8" aria-label={`${label}: ${text}`} />
    </div>
  );
}

export function ResponseRates({ responses }: { responses: { learner: ResponseRate; supervisor: ResponseRate } }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="effectiveness-responses" className="stride-effectiveness-card">
      <Title order={2} fz="lg" mb="sm" id="effectiveness-responses">
        Follow-up responses
      </Title>
      <Stack gap="sm">
        <Rate label="Learners" rate={responses.learner} />
        <Rate label="Supervisors" rate={responses.supervisor} />
      </Stack>
    </Paper>
  );
}
