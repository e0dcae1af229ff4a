import type { ValueMeasure } from './value-measure';

// The measures the dashboard shows, registered by each capability at start (app/routes.ts), in the
// order they are registered. A registry rather than imports, so the dashboard depends on no
// capability and a capability adds a measure without touching the dashboard.

const measures = new Map<string, ValueMeasure>();

export function registerValueMeasures(list: readonly ValueMeasure[]): void {
  for (const measure of list) {
    const known = measures.get(measure.key);
    if (known && known !== measure) throw new Error(`Two value measures are called '${measure.key}'.`);
    measures.set(measure.key, measure);
  }
}

export const listValueMeasures = (): ValueMeasure[] => [...measures.values()];

export const findValueMeasure = (key: string): ValueMeasure | undefined => measures.get(key);
