import { describe, expect, it } from 'vitest';
import { wrapText } from './wrap-text';

// One point per character: widths are easy to reason about.
const measure = (text: string) => [...text].length;

describe('wrapText', () => {
  it('CH-1 breaks at spaces, never past the width, and keeps every word in order', () => {
    const text = 'the quick brown fox jumps over the lazy dog and keeps on running far away';
    const lines = wrapText(text, 16, measure);
    expect(lines).toEqual(['the quick brown', 'fox jumps over', 'the lazy dog and', 'keeps on running', 'far away']);
    expect(lines.every((line) => measure(line) <= 16)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('CH-1 cuts a word only when it alone is wider than the line', () => {
    expect(wrapText('write to averyveryverylongaddress@example.org today', 10, measure)).toEqual(['write to', 'averyveryv', 'erylongadd', 'ress@examp', 'le.org', 'today']);
  });

  it('CH-1 keeps newlines as line breaks, collapses runs of spaces and turns tabs into spaces', () => {
    expect(wrapText('Starts:\tnow\nStops:   later', 40, measure)).toEqual(['Starts: now', 'Stops: later']);
    expect(wrapText('first\n\nthird', 40, measure)).toEqual(['first', '', 'third']);
  });

  it('CH-1 always ends, even when not one character fits', () => {
    expect(wrapText('abc', 0.5, measure)).toEqual(['a', 'b', 'c']);
  });
});
