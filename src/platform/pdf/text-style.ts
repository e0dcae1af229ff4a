import { rgb } from 'pdf-lib';

// The look of every document: the web UI's greys and teal (theme.ts), sizes in points.

export const typeScale = {
  title: 20,
  heading: 14,
  subheading: 11.5,
  body: 10,
  small: 8.5,
  footer: 7.5,
} as const;

export const colors = {
  text: rgb(0.12, 0.16, 0.2),
  muted: rgb(0.24, 0.3, 0.35),
  accent: rgb(0.043, 0.373, 0.337),
  rule: rgb(0.8, 0.83, 0.86),
  headerFill: rgb(0.95, 0.96, 0.97),
} as const;

const lineHeightFactor = 1.4;
// DejaVu Sans's ascender and descender, in ems: where the baseline sits inside a line box.
const ascent = 0.93;
const descent = 0.24;

export function lineHeightOf(size: number): number {
  return size * lineHeightFactor;
}

/** Distance from the top of a line box to the baseline, the text centred in the box. */
export function baselineOffsetOf(size: number): number {
  return (lineHeightOf(size) - size * (ascent + descent)) / 2 + size * ascent;
}
