/**
 * While the sidebar is open the page gives it room: the root element gets a right margin as wide as the
 * sidebar, so the page's own content reflows beside it instead of under it.
 *
 * The room is reserved from the page's first byte, not when the sidebar first paints: the rule ships as a
 * CSS-only content script at document_start (wxt.config.ts writes one file per site from `reservedSpaceCss`),
 * so the page lays out once, at its final width. Giving the room later would reflow the whole page after its
 * first paint (on the large Gmail thread, a full relayout of 31,000 elements in the frame that shows the
 * people). Closing the sidebar sets one attribute on <html>, which turns the rule off; the page's own styles
 * are never edited.
 */
export const CLOSED_ATTR = 'data-touchline-closed';

/** Files wxt.config.ts emits and lists as each site's document_start CSS. */
export const RESERVED_SPACE_FILES = { gmail: 'content-scripts/gmail-room.css', linkedin: 'content-scripts/linkedin-room.css' } as const;

/**
 * The rule that reserves the room; `siteCss` adds a site's own rules (nested, so they switch off with it)
 * for elements the margin does not move (fixed-position popups).
 */
export function reservedSpaceCss(widthPx: number, siteCss = ''): string {
  return `html:not([${CLOSED_ATTR}]) {\n  margin-right: ${widthPx}px !important;\n${siteCss ? `  ${siteCss}\n` : ''}}\n`;
}

export function reserveSpace(doc: Document, open: boolean): void {
  doc.documentElement.toggleAttribute(CLOSED_ATTR, !open);
}
