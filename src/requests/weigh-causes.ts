import type { WeighedCause } from './schema';
import type { DiagnosisView } from './request-schemas';
import type { RequestRow } from './read-request';

/**
 * Which causes dominate (RQ-3): each cause's share of the total weight, heaviest first (ties in the
 * fixed order of the list), and the causes of the top weight. Pure, so the chart and the tests agree.
 */
export function weighCauses(causes: WeighedCause[]): Pick<DiagnosisView, 'causes' | 'dominant'> {
  const total = causes.reduce((sum, c) => sum + c.weight, 0);
  const ordered = causes.map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map(({ c }) => ({ ...c, share: total ? Math.round((c.weight / total) * 1000) / 1000 : 0 }));
  const top = ordered[0]?.weight ?? 0;
  return { causes: ordered, dominant: top > 0 ? ordered.filter((c) => c.weight === top).map((c) => c.cause) : [] };
}

export function diagnosisOf(r: RequestRow): DiagnosisView | null {
  if (!r.diagnosedAt) return null;
  return { gapCurrent: r.gapCurrent ?? '', gapDesired: r.gapDesired ?? '', gapMeasure: r.gapMeasure ?? '', ...weighCauses(r.causes), diagnosedAt: r.diagnosedAt.toISOString() };
}
