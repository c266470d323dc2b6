/** Every row is this tall (cells truncate), so the virtualiser's sizes are exact without measuring. */
export const ROW_HEIGHT = 40;
/** Rows kept mounted beyond each end of the view. */
export const ROW_OVERSCAN = 10;
/** Rows are read in blocks of this many ids, so scrolling a few rows does not start a new query each time. */
export const ROW_BLOCK = 50;

/**
 * The list's scroller as its CSS sizes it (`h-[calc(100vh-16rem)] min-h-64`), known before it is laid out:
 * the first render places the rows a screen holds instead of a guess, and boot reads exactly their block.
 */
export function listRect(viewport: { width: number; height: number }): { width: number; height: number } {
  return { width: viewport.width, height: Math.max(256, viewport.height - 256) };
}
