/** ▰▰▱▱ for 2 of 4 (at most 10 cells). */
export function progressBar(earned: number, required: number): string {
  const cells = Math.min(required, 10);
  const filled = Math.min(cells, Math.round((earned / required) * cells));
  return "▰".repeat(filled) + "▱".repeat(cells - filled);
}
