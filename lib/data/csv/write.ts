import Dexie from 'dexie';
import type { TouchlineDb } from '../../db/database';
import { newId, Prospect, type StageChange } from '../../model';
import type { Stage } from '../../process/stage';
import type { Settings } from '../../settings/settings';
import { markMinted, write, type WriteOptions } from '../../store/unit-of-work';
import { TEXT_FIELDS, type ImportRecord, type Reject } from './record';

/** Counts are of rows: a person on two rows of the file is created by the first and updated by the second. */
export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  rejects: Reject[];
}

const linkedinSlug = (url: string) => url.split('/in/')[1] ?? url;

/** What an import changes on an existing person; undefined when the row says nothing new. */
function mergeInto(p: Prospect, r: ImportRecord, stages: Stage[], now: number): { next: Prospect; change?: StageChange } | undefined {
  const next: Prospect = { ...p };
  let changed = false;
  const set = <K extends keyof Prospect>(k: K, v: Prospect[K] | undefined) => {
    if (v !== undefined && v !== next[k]) {
      next[k] = v;
      changed = true;
    }
  };
  set('name', r.name);
  for (const f of TEXT_FIELDS) set(f, r[f]);
  const emails = [...new Set([...p.emails, ...r.emails])];
  if (emails.length !== p.emails.length) set('emails', emails);
  if (r.linkedinUrl && !p.linkedinUrl) set('linkedinUrl', r.linkedinUrl);
  const tags = [...new Set([...p.tags, ...r.tags])];
  if (tags.length !== p.tags.length) set('tags', tags);
  let change: StageChange | undefined;
  if (r.stageId && r.stageId !== p.stageId) {
    const from = stages.find((s) => s.id === p.stageId);
    const to = stages.find((s) => s.id === r.stageId)!;
    change = { id: newId(), prospectId: p.id, from: p.stageId, fromName: from?.name ?? p.stageId, to: to.id, toName: to.name, at: now, reason: 'Imported from CSV' };
    next.stageId = to.id;
    next.stageEnteredAt = now;
    changed = true;
  }
  if (!changed) return undefined;
  next.updatedAt = now;
  return { next, change };
}

function create(r: ImportRecord, stages: Stage[], now: number): { next: Prospect; change: StageChange } {
  const stage = stages.find((s) => s.id === r.stageId) ?? stages[0]!;
  const id = newId();
  const next: Prospect = {
    id,
    name: r.name ?? r.emails[0] ?? linkedinSlug(r.linkedinUrl!),
    emails: r.emails,
    linkedinUrl: r.linkedinUrl,
    source: { site: 'import', at: now },
    stageId: stage.id,
    stageEnteredAt: now,
    qualification: {},
    tags: r.tags,
    crmIds: {},
    createdAt: now,
    updatedAt: now,
  };
  for (const f of TEXT_FIELDS) if (r[f] !== undefined) next[f] = r[f];
  return { next, change: { id: newId(), prospectId: id, from: null, fromName: null, to: stage.id, toName: stage.name, at: now, reason: 'Imported from CSV' } };
}

/**
 * The prospects holding any of these keys of unique indexes (emails, linkedinUrl), by one getKey request per
 * key, all in flight at once in the unit of work's own transaction. Dexie's anyOf walks a cursor from key to
 * key, one round trip after another: 0.9 s for a batch of 2,000 emails in Chromium's data worker (2 shared
 * cores, 2026-12-03), most of them new.
 */
function ownersOf(db: TouchlineDb, lookups: Array<[index: string, keys: string[]]>): Promise<Set<string>> {
  const ids = new Set<string>();
  const store = (Dexie.currentTransaction!.idbtrans as IDBTransaction).objectStore(db.prospects.name);
  return new Dexie.Promise<Set<string>>((resolve, reject) => {
    let left = 0;
    for (const [index, keys] of lookups) {
      const idx = store.index(index);
      for (const key of keys) {
        left++;
        const req = idx.getKey(key);
        req.onsuccess = () => {
          if (req.result !== undefined) ids.add(req.result as string);
          if (--left === 0) resolve(ids);
        };
        req.onerror = () => reject(req.error);
      }
    }
    if (!left) resolve(ids);
  });
}

/** Thrown inside a batch written as if nobody in it were known: someone was, so the batch is undone. */
class SomeoneKnown extends Error {}

/**
 * How a batch finds the people already here. `lookup` asks the indexes for every email and LinkedIn URL
 * first. `assume-new` asks nothing and adds everyone: the unique indexes on emails and linkedinUrl refuse a
 * person already here, and then the whole batch is undone and written again by lookup, so the result is
 * the same either way. A file of new leads skips a request per email (most of the import's reads).
 */
export type MatchMode = 'lookup' | 'assume-new';

/**
 * What a batch writes, worked out from the people already known to match it (none, when assumed new): the
 * rows to add and to put, the stage changes, and the counts. Pure: no database is read.
 */
export interface BatchPlan {
  result: BatchResult;
  added: Prospect[];
  updated: Prospect[];
  created: Set<string>;
  changes: StageChange[];
  now: number;
}

function plan(records: ImportRecord[], knownRows: Array<Prospect | undefined>, stages: Stage[], now: number, lookup: boolean): BatchPlan {
  const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejects: [] };
  // The batch's own view of people: rows later in the file see people created or changed earlier in it.
  const people = new Map<string, Prospect>();
  const byEmail = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const remember = (p: Prospect) => {
    people.set(p.id, p);
    for (const e of p.emails) byEmail.set(e, p.id);
    if (p.linkedinUrl) byUrl.set(p.linkedinUrl, p.id);
  };
  for (const p of knownRows) if (p) remember(p);
  const touched = new Map<string, Prospect>();
  const created = new Set<string>();
  const changes: StageChange[] = [];
  for (const r of records) {
    const ids = new Set([...r.emails.map((e) => byEmail.get(e)), r.linkedinUrl ? byUrl.get(r.linkedinUrl) : undefined].filter((x): x is string => !!x));
    const existing = ids.size === 1 ? people.get([...ids][0]!)! : undefined;
    const otherUrl = !!(existing && r.linkedinUrl && existing.linkedinUrl && existing.linkedinUrl !== r.linkedinUrl);
    // Assuming nobody is known, a row that clashes with the batch's own people may clash with someone here
    // too: the lookup says with whom.
    if (!lookup && (ids.size > 1 || otherUrl)) throw new SomeoneKnown();
    if (ids.size > 1) {
      const names = [...ids].map((id) => people.get(id)!.name).join(' and ');
      result.rejects.push({ line: r.line, reason: `matches two different people already known (${names})`, cells: [] });
      continue;
    }
    if (otherUrl) {
      result.rejects.push({ line: r.line, reason: `${existing!.name} already has another LinkedIn URL (${existing!.linkedinUrl})`, cells: [] });
      continue;
    }
    const out = existing ? mergeInto(existing, r, stages, now) : create(r, stages, now);
    if (!out) {
      result.unchanged++;
      continue;
    }
    const valid = Prospect.safeParse(out.next);
    if (!valid.success) {
      result.rejects.push({ line: r.line, reason: valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), cells: [] });
      continue;
    }
    if (existing) result.updated++;
    else {
      result.created++;
      created.add(out.next.id);
    }
    if (out.change) changes.push(out.change);
    remember(out.next);
    touched.set(out.next.id, out.next);
  }
  const rows = [...touched.values()];
  return { result, added: rows.filter((p) => created.has(p.id)), updated: rows.filter((p) => !created.has(p.id)), created, changes, now };
}

/**
 * The plan of a batch assumed to be all new people (`assume-new`), worked out before any transaction, so
 * the import can make it while the batch before is written; undefined when the batch clashes with itself
 * (then it is written by lookup).
 */
export function planNew(records: ImportRecord[], settings: Settings, now = Date.now()): BatchPlan | undefined {
  try {
    return plan(records, [], settings.stages, now, false);
  } catch (e) {
    if (e instanceof SomeoneKnown) return undefined;
    throw e;
  }
}

/**
 * Writes one batch of good rows as one unit of work (all of it or none). Each row is matched to an existing
 * person by any of its emails or its LinkedIn URL, so importing the same file again changes nothing; a row
 * that matches two different people, or would give a person a second LinkedIn URL, is rejected instead.
 * `mode` says how the people already here are found; `looked` in the result says whether it took a lookup.
 * `planned` is planNew's plan of these records (assume-new only), made ahead.
 */
export async function writeBatch(
  db: TouchlineDb,
  records: ImportRecord[],
  settings: Settings,
  now = Date.now(),
  mode: MatchMode = 'lookup',
  planned?: BatchPlan,
  phases?: WriteOptions['phases'],
): Promise<BatchResult & { looked: boolean; found: number }> {
  if (mode === 'assume-new') {
    const ahead = planned ?? planNew(records, settings, now);
    try {
      if (ahead) return { ...(await writeNew(db, ahead, settings, phases)), looked: false, found: 0 };
    } catch (e) {
      if (!(e instanceof SomeoneKnown)) throw e;
    }
  }
  return { ...(await writeLookedUp(db, records, settings, now, phases)), looked: true };
}

/** Adds the people of a batch assumed new; the unique indexes refusing one of them throws SomeoneKnown (all undone). */
async function writeNew(db: TouchlineDb, p: BatchPlan, settings: Settings, phases?: WriteOptions['phases']): Promise<BatchResult> {
  if (!p.added.length && !p.changes.length) return p.result;
  // One unit of work: the CRM outbox, scores and the rest follow from the rows written (lib/store).
  return write(db, () => writePlan(db, p, false, phases), { settings, now: p.now, phases });
}

async function writeLookedUp(db: TouchlineDb, records: ImportRecord[], settings: Settings, now: number, phases?: WriteOptions['phases']): Promise<BatchResult & { found: number }> {
  if (!records.length) return { created: 0, updated: 0, unchanged: 0, rejects: [], found: 0 };
  return write(db, async () => {
    const emails = [...new Set(records.flatMap((r) => r.emails))];
    const urls = [...new Set(records.flatMap((r) => (r.linkedinUrl ? [r.linkedinUrl] : [])))];
    const known = await ownersOf(db, [['emails', emails], ['linkedinUrl', urls]]);
    const knownRows = known.size ? await db.prospects.bulkGet([...known]) : [];
    return { ...(await writePlan(db, plan(records, knownRows, settings.stages, now, true), true, phases)), found: known.size };
  }, { settings, now, phases });
}

async function writePlan(db: TouchlineDb, p: BatchPlan, lookup: boolean, phases?: WriteOptions['phases']): Promise<BatchResult> {
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases?.add(name, now - t);
    t = now;
  };
  // New people are added (a put behind Dexie's hooks first reads every key); the ones already here are put.
  if (p.added.length) {
    markMinted(p.created);
    await db.prospects.bulkAdd(p.added).catch((e: unknown) => {
      // An email or LinkedIn URL already here (the unique indexes refuse it): undo, then look them up.
      const constraint = (x: unknown) => (x as Error | undefined)?.name === 'ConstraintError';
      if (!lookup && e instanceof Dexie.BulkError && Object.values(e.failuresByPos).every(constraint)) throw new SomeoneKnown();
      throw e;
    });
  }
  if (p.updated.length) await db.prospects.bulkPut(p.updated);
  lap('rows: prospects');
  if (p.changes.length) await db.stageChanges.bulkAdd(p.changes);
  lap('rows: stage changes');
  return p.result;
}
