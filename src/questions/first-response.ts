/** The first-response clock: the one a receipt promises (a question's only clock today). Shared by server and pages. */
export function firstResponseOf<C extends { key: string }>(clocks: readonly C[]): C | undefined {
  return clocks.find((clock) => clock.key.includes('first-response')) ?? clocks[0];
}
