import { Stack } from '@mantine/core';
import type { EffectivenessFigures } from '../effectiveness-schemas';
import { NpsSection } from './nps-section';
import { ObjectivesSection } from './objectives-section';
import { OutcomeCards } from './outcome-cards';
import { ResponseRates } from './response-rates';
import './effectiveness-print.css';
import '@mantine/charts/styles.css';

/** The figures a course and a session page share (AF-7), in the order a reader asks: did it work, would they recommend it, who answered, what followed. */
export function EffectivenessReport({ figures }: { figures: EffectivenessFigures }) {
  return (
    <Stack gap="lg">
      <ObjectivesSection objectives={figures.objectives} />
      <NpsSection nps={figures.nps} />
      <ResponseRates responses={figures.responses} />
      <OutcomeCards figures={figures} />
    </Stack>
  );
}
