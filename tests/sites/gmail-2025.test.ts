// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderStageChips } from '@/lib/sites/gmail/chips';
import { extractGmail } from '@/lib/sites/gmail/extract';
import { loadFixture } from './gmail-load';
import { readJson } from './linkedin-load';

/** The 2025-04 Gmail fixtures (scripts/fixtures/gmail-2025.mjs), shaped after the real inbox. */
const expected = readJson<Record<string, any>>('gmail/expected-2025-04.json');
const audience = { internalDomains: [], neverCapture: [] };

describe('an inbox list with automated senders and newsletters', () => {
  const e = expected['gmail/inbox-automated-2025-04.html'];
  const d = extractGmail(loadFixture('gmail/inbox-automated-2025-04.html'), e.url, audience);

  it("reads the account and every row's sender", () => {
    expect(d.gmail!.account).toBe(e.account);
    expect(d.gmail!.rows.map((r) => r.sender?.email)).toEqual(e.senders);
  });

  it('offers the people among the senders and none of the machines, newsletters, the user or colleagues', () => {
    expect(d.people.map((p) => p.emails[0])).toEqual(e.offered);
    for (const a of e.automated) expect(d.people.some((p) => p.emails.includes(a)), a).toBe(false);
  });
});

describe('Gmail with the reading pane on', () => {
  const e = expected['gmail/reading-pane-2025-04.html'];
  const doc = loadFixture('gmail/reading-pane-2025-04.html');
  const d = extractGmail(doc, e.url, audience);

  it('reads the open thread and its people, not every sender of the list beside it', () => {
    expect(d.kind).toBe('thread');
    expect(d.gmail!.thread?.legacyThreadId).toBe(e.threadLegacyId);
    expect(d.people.map((p) => p.emails[0])).toEqual(e.offered);
  });

  it("reads the list's rows too, so the thread's own row can carry a stage chip", () => {
    expect(d.gmail!.rows).toHaveLength(e.rows);
    const row = d.gmail!.rows.find((r) => r.legacyThreadId === e.threadLegacyId)!;
    renderStageChips(doc, [{ legacyThreadId: row.legacyThreadId, email: row.people[0]!, label: 'Prospecting' }]);
    expect(doc.querySelector(`tr [data-legacy-thread-id="${e.threadLegacyId}"]`)?.closest('tr')?.querySelector('[data-touchline-chip]')?.textContent).toBe('Prospecting');
  });

  it('finds every expected part of the thread', () => {
    expect(d.health).toMatchObject({ account: 'found', subject: 'found', messages: 'found', senders: 'found' });
  });
});
