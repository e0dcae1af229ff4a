// No pdf-lib import here: the paper names are shared with request schemas and the web UI.

/** The paper a document is laid out for: A4 nearly everywhere, Letter in North America. */
export const paperSizes = ['a4', 'letter'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** Width and height in points (1/72 inch). */
export const pageSizeOf: Record<PaperSize, [number, number]> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

/** About 20 mm on every side: room for a printer's unprintable edge and a hole punch. */
export const pageMargin = 56;
