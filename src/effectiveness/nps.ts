import type { NpsFigures, RatingCounts, ResponseRate } from './effectiveness-schemas';

// The arithmetic of the effectiveness view (AF-7), apart from the SQL that counts, so it can be
// tested on its own. Percentages are whole numbers rounded half away from zero, so a score of
// -12.5 reads -13 just as 12.5 reads 13 (Math.round would make the first -12).

export function roundHalfAway(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** `part` of `whole` as a whole percentage; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? roundHalfAway((100 * part) / whole) : null;
}

/**
 * Net Promoter Score from the counts of the 0–10 answers: promoters 9–10, passives 7–8,
 * detractors 0–6. NPS = % promoters − % detractors, computed on the exact shares and rounded once
 * (rounding each share first could be off by one). Null when nobody answered: no score is not 0.
 */
export function npsOf(counts: { promoters: number; passives: number; detractors: number }): NpsFigures {
  const answers = counts.promoters + counts.passives + counts.detractors;
  const nps = answers > 0 ? roundHalfAway((100 * (counts.promoters - counts.detractors)) / answers) : null;
  // -0 is a number JSON writes as 0, but keep the value plain for comparisons in tests.
  return { ...counts, answers, nps: nps === 0 ? 0 : nps };
}


export function ratingCountsOf(met: number, partly: number, notMet: number): RatingCounts {
  const total = met + partly + notMet;
  return { met, partly, notMet, total, metPercent: percentOf(met, total), partlyPercent: percentOf(partly, total), notMetPercent: percentOf(notMet, total) };
}

export function responseRateOf(opened: number, answered: number): ResponseRate {
  return { opened, answered, percent: percentOf(answered, opened) };
}
