import { expect } from 'vitest';
import type { TouchlineDb } from '../../lib/db/database';
import { erasePerson, type EraseReport } from '../../lib/data/erase';
import type { Prospect } from '../../lib/model';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { Connection } from '../../lib/sync/connection';
import type { OutboxRow } from '../../lib/sync/types';

/**
 * Erases `victims` the way the erase page does (issue 15 item 5) and checks what it queued: one erase row
 * each, with the CRM ids the links held and nothing else of the person (no name, email or LinkedIn URL).
 */
export async function eraseAndCheck(db: TouchlineDb, conn: Connection, victims: Prospect[]): Promise<Map<string, EraseReport>> {
  const reports = new Map<string, EraseReport>();
  for (const p of victims) {
    const links = await db.syncLinks.where('prospectId').equals(p.id).toArray();
    expect(links.length).toBeGreaterThan(0);
    reports.set(p.id, await erasePerson(db, p.id, { settings: DEFAULT_SETTINGS, neverCapture: false }));
    const rows = await db.outbox.where('prospectId').equals(p.id).toArray();
    expect(rows.map((r) => r.kind)).toEqual(['erase']);
    const text = JSON.stringify(rows[0]);
    for (const trace of [p.name, ...p.emails, p.linkedinUrl].filter((x): x is string => !!x)) expect(text).not.toContain(trace);
    expect(rows[0]!.connectionId).toBe(conn.id);
    expect(await db.syncLinks.where('prospectId').equals(p.id).count()).toBe(0);
  }
  return reports;
}

export const eraseRows = (db: TouchlineDb): Promise<OutboxRow[]> => db.outbox.filter((r) => r.kind === 'erase').toArray();

/**
 * A fetch that erases `victim` the first time a request carrying `needle` (their email, their id) has been
 * answered, before the adapter reads the answer: the erase lands while their batch is in flight, after the
 * CRM created their records and before Touchline stored the ids.
 */
export function erasingFetch(db: TouchlineDb, victim: Prospect, needle: string) {
  let erased: EraseReport | undefined;
  const run: typeof fetch = async (url, init) => {
    const res = await fetch(url, init);
    if (!erased && typeof init?.body === 'string' && init.body.includes(needle)) erased = await erasePerson(db, victim.id, { settings: DEFAULT_SETTINGS, neverCapture: false });
    return res;
  };
  return { fetch: run as (url: string, init: RequestInit) => Promise<Response>, report: () => erased };
}
