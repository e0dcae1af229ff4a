import { Box, Grid, Paper, RingProgress, Stack, Text, Title } from '@mantine/core';
import type { ComplianceFigures, ComplianceServiceLevel } from './compliance-api';
import { businessTime, metOfStopped, percent, targetsInWords } from './compliance-format';
import { UnitShares } from './unit-shares';

type Props = {
  level: ComplianceServiceLevel;
  /** The targets to name when no clock started in the period (the charter in force's). */
  charterTargets: readonly number[];
  workingDay: number;
};

/** The share met at a glance: a ring with the percentage in it, and the count it comes from beside it. */
function ShareMet({ figures }: { figures: ComplianceFigures }) {
  const share = figures.shareMet;
  const stopped = figures.met + figures.breached;
  return (
    <Stack gap={6} align="center">
      <RingProgress
        size={132}
        thickness={13}
        roundCaps
        rootColor="gray.2"
        sections={share === null ? [] : [{ value: share * 100, color: 'teal.8' }]}
        role="img"
        aria-label={share === null ? 'Share met: no clock has stopped yet' : `Share met: ${percent(share)}, ${metOfStopped(figures)}`}
        label={
          <Text ta="center" fw={700} fz={26} aria-hidden>
            {share === null ? '—' : percent(share)}
          </Text>
        }
      />
      <Text fw={600} size="sm" ta="center">
        {share === null ? 'No clock has stopped yet' : metOfStopped(figures)}
      </Text>
      {stopped > 0 && (
        <Text size="xs" c="gray.7" ta="center">
          of the clocks that stopped
        </Text>
      )}
    </Stack>
  );
}

function Figure({ term, value, tone }: { term: string; value: string; tone?: 'late' | undefined }) {
  return (
    <div>
      <Text component="dt" size="xs" c="gray.7" fw={600}>
        {term}
      </Text>
      <Text component="dd" fw={700} c={tone === 'late' ? 'red.8' : undefined}>
        {value}
      </Text>
    </div>
  );
}

/** One service level's figures for the period: share met, counts, the time taken, and how each business unit fared. */
const headingIdOf = (key: string) => `service-level-${key.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function ServiceLevelCard({ level, charterTargets, workingDay }: Props) {
  const headingId = headingIdOf(level.key);
  const f = level.total;
  const targets = targetsInWords(level.targetsBusinessMinutes.length > 0 ? level.targetsBusinessMinutes : charterTargets, workingDay);
  return (
    <Paper component="article" withBorder radius="md" p={{ base: 'sm', sm: 'md' }} aria-labelledby={headingId} className="stride-compliance-card">
      <Title order={3} fz="lg" id={headingId}>
        {level.name}
      </Title>
      {targets && (
        <Text size="sm" c="gray.7" mb="sm">
          {targets}
        </Text>
      )}
      <Grid gutter="lg" align="center">
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          <ShareMet figures={f} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, md: 9 }}>
          <Box component="dl" className="stride-compliance-figures" aria-label={`Figures for ${level.name}`}>
            <Figure term="Started" value={String(f.started)} />
            <Figure term="Still running" value={String(f.running)} />
            <Figure term="Met" value={String(f.met)} />
            <Figure term="Breached" value={String(f.breached)} />
            <Figure term="Running and already late" value={String(f.runningBreached)} tone={f.runningBreached > 0 ? 'late' : undefined} />
            <Figure term="Median time" value={businessTime(f.medianBusinessMinutes, workingDay)} />
            <Figure term="90th percentile" value={businessTime(f.p90BusinessMinutes, workingDay)} />
          </Box>
          <Text size="xs" c="gray.7" mt="xs">
            Times count working time only, pauses left out, for the clocks that stopped.
          </Text>
        </Grid.Col>
      </Grid>
      {level.byBusinessUnit.length > 0 && <UnitShares level={level} workingDay={workingDay} />}
    </Paper>
  );
}

/** A service level no clock started under in the period: its name and target, and that much said. */
export function IdleServiceLevelCard({ level, charterTargets, workingDay }: Props) {
  const targets = targetsInWords(level.targetsBusinessMinutes.length > 0 ? level.targetsBusinessMinutes : charterTargets, workingDay);
  const headingId = headingIdOf(level.key);
  return (
    <Paper component="article" withBorder radius="md" p="sm" bg="gray.0" aria-labelledby={headingId} className="stride-compliance-card">
      <Title order={3} fz="md" id={headingId}>
        {level.name}
      </Title>
      {targets && (
        <Text size="sm" c="gray.7">
          {targets}
        </Text>
      )}
      <Text size="sm" mt={4}>
        No clock started in this period.
      </Text>
    </Paper>
  );
}
