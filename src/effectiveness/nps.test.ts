import { describe, expect, it } from 'vitest';
import { npsOf, percentOf, ratingCountsOf, responseRateOf, roundHalfAway } from './nps';

describe('AF-7 NPS arithmetic', () => {
  it('AF-7 NPS is % promoters − % detractors, rounded once on the exact shares', () => {
    // 2 promoters, 0 passives, 1 detractor: 66.67 − 33.33 = 33.33 → 33 (rounding each share first, 67 − 33, would say 34).
    expect(npsOf({ promoters: 2, passives: 0, detractors: 1 })).toEqual({ promoters: 2, passives: 0, detractors: 1, answers: 3, nps: 33 });
    // 3 promoters, 1 passive, 2 detractors: 50 − 33.33 = 16.67 → 17.
    expect(npsOf({ promoters: 3, passives: 1, detractors: 2 }).nps).toBe(17);
    expect(npsOf({ promoters: 5, passives: 0, detractors: 0 }).nps).toBe(100);
    expect(npsOf({ promoters: 0, passives: 0, detractors: 4 }).nps).toBe(-100);
  });

  it('AF-7 halves round away from zero, the same for a negative score as a positive one', () => {
    // 1 promoter, 5 passives, 2 detractors of 8: 12.5 − 25 = −12.5 → −13 (Math.round would say −12).
    expect(npsOf({ promoters: 1, passives: 5, detractors: 2 }).nps).toBe(-13);
    expect(npsOf({ promoters: 2, passives: 5, detractors: 1 }).nps).toBe(13);
    expect(roundHalfAway(-0.5)).toBe(-1);
    expect(roundHalfAway(2.5)).toBe(3);
  });

  it('AF-7 no answers give no score (null), all passives give 0', () => {
    expect(npsOf({ promoters: 0, passives: 0, detractors: 0 })).toEqual({ promoters: 0, passives: 0, detractors: 0, answers: 0, nps: null });
    const passives = npsOf({ promoters: 0, passives: 7, detractors: 0 });
    expect(passives.nps).toBe(0);
    expect(Object.is(passives.nps, -0)).toBe(false);
    expect(npsOf({ promoters: 2, passives: 0, detractors: 2 }).nps).toBe(0);
  });

  it('AF-7 shares and response rates are whole percentages, null with nothing to divide by', () => {
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBeNull();
    expect(ratingCountsOf(2, 1, 0)).toEqual({ met: 2, partly: 1, notMet: 0, total: 3, metPercent: 67, partlyPercent: 33, notMetPercent: 0 });
    expect(ratingCountsOf(0, 0, 0).metPercent).toBeNull();
    expect(responseRateOf(3, 2)).toEqual({ opened: 3, answered: 2, percent: 67 });
    expect(responseRateOf(0, 0).percent).toBeNull();
  });
});
