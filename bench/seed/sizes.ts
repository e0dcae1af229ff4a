import type { Args } from '../lib/args';

// The enterprise of issue 10 at scale 1; --scale shrinks or grows all of it, and a per-size flag
// (--people 5000) sets one size exactly.
export const FULL_SIZES = {
  units: 500,
  people: 100_000,
  courses: 2_000,
  sessions: 20_000,
  enrolments: 1_000_000,
  followUpAnswers: 400_000,
  requests: 50_000,
};
export type Sizes = typeof FULL_SIZES;

const minimum: Sizes = { units: 3, people: 60, courses: 6, sessions: 12, enrolments: 100, followUpAnswers: 10, requests: 10 };
const flags: Record<keyof Sizes, string> = {
  units: 'units', people: 'people', courses: 'courses', sessions: 'sessions', enrolments: 'enrolments', followUpAnswers: 'follow-up-answers', requests: 'requests',
};

export function sizesOf(args: Args): Sizes {
  const scale = args.number('scale', 1);
  if (!(scale > 0)) throw new Error('--scale must be above 0');
  const sizes = { ...FULL_SIZES };
  for (const key of Object.keys(sizes) as (keyof Sizes)[]) {
    sizes[key] = Math.max(minimum[key], Math.round(args.number(flags[key], FULL_SIZES[key] * scale)));
  }
  return sizes;
}
