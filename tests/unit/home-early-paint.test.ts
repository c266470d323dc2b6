// @vitest-environment happy-dom
import Dexie from 'dexie';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type TouchlineDb } from '@/lib/db/database';
import { readRecord } from '@/lib/home/record-read';
import { shapeRecord, type RecordRead } from '@/lib/home/record-shape';
import { buildTimeline, type TimelineEntry } from '@/lib/home/timeline';
import type { Prospect, StageChange, Task, Touch } from '@/lib/model';
import { writeWithoutSideEffects } from '@/lib/store/unit-of-work';
import { TimelineRow } from '@/components/home/record/TimelineRow';
import { earlyRecord } from '@/components/home/early/early-record';
import { openExisting, readRecordRows } from '@/components/home/early/early-db';
import { showEarly, takeOver } from '@/components/home/early/takeover';

/** A tree as tag, sorted attributes and text, ids left out (React's useId and the early paint's differ). */
function shape(node: Node): unknown {
  if (node.nodeType === 3) return node.textContent;
  const e = node as Element;
  const attrs = [...e.attributes].filter((a) => !['id', 'for', 'aria-labelledby'].includes(a.name)).map((a) => `${a.name}=${a.value}`).sort();
  return [e.tagName.toLowerCase(), attrs, [...e.childNodes].map(shape)];
}
const fromHtml = (html: string) => {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box.firstElementChild!;
};

const prospect = { id: 'p1', name: 'Zoë Ada', title: 'CTO', company: 'Byron Co', emails: [], source: { site: 'manual', at: 1 }, stageId: 'approach', stageEnteredAt: 1, qualification: {}, tags: [], crmIds: {}, createdAt: 1, updatedAt: 1 } as unknown as Prospect;
const touches: Touch[] = [
  { id: 't1', prospectId: 'p1', channel: 'email', direction: 'inbound', at: 5000, subject: 'Re: <b>pricing</b>', summary: 'Two lines\nof text', url: 'https://mail.google.com/mail/u/0/#inbox/abc', createdAt: 1 },
  { id: 't2', prospectId: 'p1', channel: 'note', direction: 'internal', at: 4000, summary: 'A note', createdAt: 1 },
  { id: 't3', prospectId: 'p1', channel: 'linkedin-message', direction: 'outbound', at: 3000, url: 'javascript:alert(1)', createdAt: 1 },
];
const stageChanges: StageChange[] = [{ id: 's1', prospectId: 'p1', from: 'a', to: 'approach', fromName: 'A', toName: 'Approach', at: 3500, reason: 'Moved on', unmetCriteria: ['Replied'] } as StageChange];
const tasks: Task[] = [{ id: 'k1', prospectId: 'p1', kind: 'call', title: 'Call back', due: 9000, done: 1, doneAt: 9500, createdAt: 2500, url: 'https://www.linkedin.com/in/zoe' }];
const merges = [{ id: 'm1', at: 2000, removed: { name: 'Zoe A.' }, movedTouchIds: ['x', 'y'] }] as never[];
const entries = buildTimeline({ touches, stageChanges, tasks, merges });

describe('early paint markup', () => {
  it('draws each kind of timeline row as TimelineRow does', () => {
    const page = earlyRecord({ prospect, stageChanges, tasks, timeline: entries, complete: true, touchCount: 3 } as RecordRead, [{ id: 'approach', name: 'Approach' }], true);
    const rows = [...page.querySelectorAll('ul[aria-label="Timeline"] > li > div')];
    expect(rows).toHaveLength(entries.length);
    entries.forEach((e: TimelineEntry, i) => expect(shape(rows[i]!)).toEqual(shape(fromHtml(renderToStaticMarkup(createElement(TimelineRow, { entry: e, onDelete: () => undefined }))))));
  });

  it('draws the record heading, its stage and the timeline with its accessible names', () => {
    const page = earlyRecord({ prospect, stageChanges, tasks, timeline: entries, complete: false } as RecordRead, [{ id: 'lead', name: 'Lead' }, { id: 'approach', name: 'Approach' }], true);
    expect(page.getAttribute('aria-label')).toBe('Prospect Zoë Ada');
    expect(page.querySelector('h2')!.textContent).toBe('Zoë Ada');
    expect(page.querySelector('header p')!.textContent).toBe('CTO · Byron Co');
    expect(page.querySelector('header p.text-xs')!.textContent).toBe('3+ touches · score …');
    expect((page.querySelector('select') as HTMLSelectElement).value).toBe('approach');
    expect(page.querySelector('ul[aria-label="Timeline"] > li')!.getAttribute('aria-setsize')).toBe(String(entries.length));
    // Page text is text: the subject's tags are not markup, the unsafe link is not drawn.
    expect(page.querySelector('b')).toBeNull();
    expect(page.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('leaves the timeline to React on a narrow screen, where it sits below the forms', () => {
    const page = earlyRecord({ prospect, stageChanges, tasks, timeline: entries, complete: true, touchCount: 3 } as RecordRead, [], false);
    expect(page.querySelector('ul')).toBeNull();
    expect(page.querySelector('select')!.textContent).toBe('approach (no longer a stage)');
  });
});

describe('takeover', () => {
  it('shows the early screen with React\'s root out of sight, then swaps them once, handing over what was typed', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root')!;
    const early = document.createElement('div');
    early.innerHTML = '<input role="combobox">';
    expect(showEarly(early)).toBe(true);
    root.innerHTML = '<input role="combobox">'; // React renders out of sight
    expect(root.previousElementSibling).toBe(early);
    expect(root.style.visibility).toBe('hidden');
    const typed = early.querySelector('input')!;
    typed.value = 'zoe';
    typed.focus();
    let heard = '';
    root.querySelector('input')!.addEventListener('input', (e) => (heard = (e.target as HTMLInputElement).value));
    takeOver();
    expect(early.isConnected).toBe(false);
    expect(root.style.visibility).toBe('');
    expect(heard).toBe('zoe');
    expect(document.activeElement).toBe(root.querySelector('input'));
    // After the takeover an early screen that comes late is dropped.
    expect(showEarly(document.createElement('div'))).toBe(false);
  });

  it('drops an early screen that comes after React has drawn something', async () => {
    vi.resetModules(); // a page's takeover state, before any takeover
    const { showEarly: show } = await import('@/components/home/early/takeover');
    document.body.innerHTML = '<div id="root"><p>Loading…</p></div>';
    expect(show(document.createElement('div'))).toBe(false);
    expect(document.getElementById('root')!.style.visibility).toBe('');
  });
});

describe('early read', () => {
  let db: TouchlineDb;
  beforeEach(async () => {
    db = openDb(`touchline-early-${Math.random()}`);
    await db.open();
    await writeWithoutSideEffects(db, async () => {
      await db.prospects.add(prospect);
      await db.touches.bulkAdd(Array.from({ length: 30 }, (_, i): Touch => ({ id: `t${i}`, prospectId: 'p1', channel: 'email', direction: 'outbound', at: 1000 + i * 10, createdAt: 1 })));
      await db.touches.add({ id: 'other', prospectId: 'p2', channel: 'email', direction: 'outbound', at: 99_999, createdAt: 1 });
      await db.stageChanges.bulkAdd(stageChanges);
      await db.tasks.bulkAdd(tasks);
    });
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });

  it('reads with plain IndexedDB what the record page reads with Dexie', async () => {
    const raw = await openExisting(db.name);
    try {
      for (const limit of [5, 30, 50]) expect(shapeRecord(await readRecordRows(raw, 'p1', limit), limit)).toEqual(await readRecord(db, 'p1', limit));
      expect(shapeRecord(await readRecordRows(raw, 'nobody', 5), 5)).toEqual({ prospect: null });
    } finally {
      raw.close();
    }
  });

  it('never creates a database that is not there (Dexie creates it with its stores)', async () => {
    await expect(openExisting('touchline-missing')).rejects.toBeTruthy();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('touchline-missing');
  });
});
