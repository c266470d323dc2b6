import { GMAIL } from './selectors';

/**
 * Gmail's compose popups are fixed to the window's right edge, so the root margin the sidebar reserves does
 * not move them and the sidebar would cover them (seen in the 2025-03 DOM: .AD inside .dw). This shifts them
 * left by the sidebar's width while it is open; the rule lives in Touchline's one <style> element.
 */
export function gmailLayoutCss(widthPx: number): string {
  return `${GMAIL.composePopupFixed} { margin-right: ${widthPx}px !important; }`;
}
