// A small seeded PRNG (mulberry32): the same seed gives the same organization, row for row, so a
// slow page can be found again on a rerun. Math.random would make every seed different.

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random (version 4 shaped) UUID drawn from this generator. */
  uuid(): string;
  hex(chars: number): string;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    uuid() {
      const h = word() + word() + word() + word();
      const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    hex(chars) {
      let s = '';
      while (s.length < chars) s += word();
      return s.slice(0, chars);
    },
  };
}

/** Derives an independent stream per part of the organization, so adding a table never reshuffles another. */
export function rngFor(seed: number, part: string): Rng {
  let h = seed >>> 0;
  for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x9e3779b1) >>> 0;
  return createRng(h);
}
