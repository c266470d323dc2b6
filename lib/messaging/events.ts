/**
 * Events the background pushes to tabs and pages. Kept free of zod so content scripts stay small; the
 * receivers also check that the sender is this extension.
 */
export const CHANGED_EVENT = 'touchline:changed';
export const TOGGLE_SIDEBAR_EVENT = 'touchline:toggle-sidebar';

export type BackgroundEvent = { event: typeof CHANGED_EVENT } | { event: typeof TOGGLE_SIDEBAR_EVENT };

const EVENTS: readonly string[] = [CHANGED_EVENT, TOGGLE_SIDEBAR_EVENT];

export function asBackgroundEvent(message: unknown): BackgroundEvent | null {
  if (!message || typeof message !== 'object') return null;
  const event = (message as { event?: unknown }).event;
  return typeof event === 'string' && EVENTS.includes(event) ? (message as BackgroundEvent) : null;
}
