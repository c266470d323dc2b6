/**
 * While the sidebar is open the page gives it room: the root element gets a right margin as wide as the
 * sidebar, so the page's own content reflows beside it instead of under it. One <style> element, removed
 * when the sidebar closes, so the page's own styles are never edited.
 */
const STYLE_ID = 'touchline-layout';

/** `siteCss` adds a site's own rules for elements the margin does not move (fixed-position popups). */
export function reserveSpace(doc: Document, widthPx: number | null, siteCss?: (widthPx: number) => string): void {
  let style = doc.getElementById(STYLE_ID);
  if (widthPx === null) {
    style?.remove();
    return;
  }
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    doc.head.append(style);
  }
  style.textContent = `html { margin-right: ${widthPx}px !important; }${siteCss ? `\n${siteCss(widthPx)}` : ''}`;
}
