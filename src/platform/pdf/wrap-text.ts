/** Width in points of a piece of text in one font at one size. */
export type Measure = (text: string) => number;

// Characters that move the pen but are not ours to keep: a tab or form feed becomes a space.
// A no-break space stays, so "8 hours" written with one never splits.
const oddSpaces = /[\t\f\v\r]/g;

/**
 * Breaks text into lines no wider than `width`: at spaces where it can, inside a word only when the
 * word alone is wider than the line (a long URL or e-mail address). A newline always breaks.
 * A line's width is the sum of its words and spaces: measuring each word once keeps a long
 * document fast (shaping text is the slow part), and kerning across a space is nil.
 */
export function wrapText(text: string, width: number, measure: Measure): string[] {
  const space = measure(' ');
  const lines: string[] = [];
  for (const hardLine of text.replace(/\r\n?/g, '\n').replace(oddSpaces, ' ').split('\n')) {
    let current = '';
    let currentWidth = 0;
    for (const word of hardLine.split(' ').filter(Boolean)) {
      const wordWidth = measure(word);
      if (current && currentWidth + space + wordWidth <= width) {
        current += ` ${word}`;
        currentWidth += space + wordWidth;
        continue;
      }
      if (current) lines.push(current);
      [current, currentWidth] = [word, wordWidth];
      if (wordWidth <= width) continue;
      const pieces = breakWord(word, width, measure);
      lines.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1] ?? '';
      currentWidth = measure(current);
    }
    lines.push(current);
  }
  return lines;
}

/** A word cut into pieces that each fit (at least one character per piece, so it always ends). */
function breakWord(word: string, width: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceWidth = 0;
  for (const char of word) {
    const charWidth = measure(char);
    if (piece && pieceWidth + charWidth > width) {
      pieces.push(piece);
      [piece, pieceWidth] = ['', 0];
    }
    piece += char;
    pieceWidth += charWidth;
  }
  if (piece) pieces.push(piece);
  return pieces;
}
