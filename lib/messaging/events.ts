/**
 * Events the background pushes to tabs and pages. Kept free of zod so content scripts stay small; the
 * receivers also check that the sender is this extension.
 */
export const CHANGED_EVENT = 'touchline:changed';
export const TOGGLE_SIDEBAR_EVENT = 'touchline:toggle-sidebar';

/**
 * Data changed. `ids` are the prospects touched (null: anything may have changed, e.g. the settings);
 * `keys` are hashes of their emails and LinkedIn URLs, so a tab showing a person not yet known can tell
 * that this person was just added, without the event carrying anyone's address to every tab.
 */
export interface ChangedEvent {
  event: typeof CHANGED_EVENT;
  ids: string[] | null;
  keys: string[];
}

export type BackgroundEvent = ChangedEvent | { event: typeof TOGGLE_SIDEBAR_EVENT };

const EVENTS: readonly string[] = [CHANGED_EVENT, TOGGLE_SIDEBAR_EVENT];

export function asBackgroundEvent(message: unknown): BackgroundEvent | null {
  if (!message || typeof message !== 'object') return null;
  const event = (message as { event?: unknown }).event;
  if (typeof event !== 'string' || !EVENTS.includes(event)) return null;
  if (event === CHANGED_EVENT) {
    const { ids, keys } = message as { ids?: unknown; keys?: unknown };
    const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
    return { event, ids: strings(ids) ? (ids as string[]) : null, keys: strings(keys) ? (keys as string[]) : [] };
  }
  return message as BackgroundEvent;
}

/** A short hash of a person key (an email lower-cased, or a canonical LinkedIn URL): FNV-1a, 32 bits. */
export function keyHash(key: string): string {
  let h = 0x811c9dc5;
  const s = key.trim().toLowerCase();
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** Whether a change concerns a page showing these prospects (ids) and these people (key hashes). */
export function changeConcerns(e: ChangedEvent, shownIds: ReadonlySet<string>, shownKeys: ReadonlySet<string>): boolean {
  if (e.ids === null) return true;
  return e.ids.some((id) => shownIds.has(id)) || e.keys.some((k) => shownKeys.has(k));
}
