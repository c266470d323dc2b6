/** Fixed card height: the virtualiser places cards without measuring them (tens of thousands per column). */
export const CARD_HEIGHT = 112;
const GAP = 8;
export const CARD_SLOT = CARD_HEIGHT + GAP;
/** Cards kept mounted beyond each end of a column's view. */
export const CARD_OVERSCAN = 4;

/**
 * A column's scroller as its CSS sizes it (`h-[calc(100vh-15rem)] min-h-64`, w-64 less its padding), known
 * before it is laid out: the virtualiser's first render places the cards a screen holds instead of none,
 * and boot reads the rows of exactly those cards.
 */
export function columnRect(viewportHeight: number): { width: number; height: number } {
  return { width: 240, height: Math.max(256, viewportHeight - 240) };
}

/** How many cards the top of a column shows on its first render (in view plus the overscan below). */
export function firstCardCount(viewportHeight: number): number {
  return Math.ceil(columnRect(viewportHeight).height / CARD_SLOT) + CARD_OVERSCAN;
}
