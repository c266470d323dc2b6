import { describe, expect, it } from 'vitest';
import { rowsOf } from '@/lib/sites/linkedin/people-list';
import { LINKEDIN } from '@/lib/sites/linkedin/selectors';
import { loadFixture } from './linkedin-load';

type Countable = 'embeddedData' | 'experienceEntry' | 'experienceNested' | 'searchResult' | 'messageEvent' | 'overlayBubble' | 'salesRow' | 'mailto';

/** A string selector's matches; for variant arrays, the matches of the first variant that matches (as the adapter reads). */
const count = (doc: Document, k: Countable) => {
  const s = LINKEDIN[k];
  return typeof s === 'string' ? doc.querySelectorAll(s).length : rowsOf(doc, s).rows.length;
};

/**
 * How many elements each selector matches on each dated fixture, counted by reading the fixture. When
 * LinkedIn changes its DOM, the new fixture's row shows which selectors broke.
 */
const EXPECTED: Record<string, Partial<Record<Countable, number>>> = {
  'linkedin/profile-2025-03.html': { embeddedData: 1, experienceEntry: 2, experienceNested: 0, mailto: 0, messageEvent: 0 },
  'linkedin/profile-multi-role-2026-11.html': { embeddedData: 2, experienceEntry: 4, experienceNested: 2 },
  'linkedin/profile-no-current-2026-11.html': { embeddedData: 1, experienceEntry: 1, mailto: 1 },
  'linkedin/profile-de-2026-11.html': { embeddedData: 1, experienceEntry: 1 },
  'linkedin/profile-hostile-2026-11.html': { embeddedData: 0, experienceEntry: 1 },
  'linkedin/search-people-2025-03.html': { searchResult: 4, messageEvent: 0 },
  'linkedin/search-people-100-2026-11.html': { searchResult: 100 },
  'linkedin/messaging-2025-03.html': { messageEvent: 3, overlayBubble: 0 },
  'linkedin/overlay-messaging-2026-11.html': { messageEvent: 4, overlayBubble: 2 },
  'linkedin/sales-list-2026-11.html': { salesRow: 3, searchResult: 0 },
  'linkedin/sales-lead-2026-11.html': { salesRow: 0 },
  'linkedin/company-2026-11.html': { embeddedData: 1, experienceEntry: 0 },
  'linkedin/profile-late-chat-2025-06.html': { overlayBubble: 0, messageEvent: 0 },
  'linkedin/chat-bubble-2025-06.html': { overlayBubble: 1, messageEvent: 1 },
};

describe.each(Object.entries(EXPECTED))('LinkedIn selectors on %s', (file, counts) => {
  const doc = loadFixture(file, 'https://www.linkedin.com/');
  it.each(Object.entries(counts))('%s matches %i', (key, n) => {
    expect(count(doc, key as Countable)).toBe(n);
  });
});
