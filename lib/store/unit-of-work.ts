import { dequal } from 'dequal';
import Dexie, { type Table, type Transaction } from 'dexie';
import type { TouchlineDb } from '../db/database';
import type { Prospect, StageChange, Task, Touch } from '../model';
import type { Settings } from '../settings/settings';
import { loadSettings } from '../settings/settings-store';
import { invalidateDigest } from './metrics-digest';
import { SIDE_EFFECT_NAMES, SIDE_EFFECTS } from './side-effects';

/**
 * Every write to Touchline's records goes through `write()`: one transaction over every table, table hooks
 * that collect what changed as rows are written, and the side effects (outbox, engagement, due counts,
 * scores: ./side-effects.ts) registered once to react to that collection before the transaction commits.
 * Store functions say only what they change. A tracked table written outside a unit of work throws, so a
 * new store function cannot forget its side effects (CONVENTIONS.md §9).
 */

/** What one unit of work changed, filled by the table hooks as rows are written. */
export class ChangeSet {
  /** Every prospect whose record or any of whose rows changed (both sides of a move). */
  readonly prospectIds = new Set<string>();
  /** Prospect records created or updated: the CRM must see their new state. */
  readonly prospectsWritten = new Set<string>();
  readonly prospectsDeleted = new Set<string>();
  /**
   * The latest row of each prospect created or updated (as the hooks saw it written), so the side effects
   * need not read back what this unit of work just wrote.
   */
  readonly prospectRows = new Map<string, Prospect>();
  /** Prospects erased (a request to be forgotten): their erase queued its own outbox row, ids only. */
  readonly prospectsErased = new Set<string>();
  /** Prospects whose ids were minted by this unit of work (markMinted): no row anywhere names them yet. */
  readonly prospectsMinted = new Set<string>();
  /** Touches created, by id (each one goes to the CRM). */
  readonly touchesCreated = new Map<string, Touch>();
  /** Touches that changed owner (merge, undo): sent again with their new prospect. */
  readonly touchesMoved = new Map<string, Touch>();
  /** Prospects that lost or gained touches other than by creation: engagement is recounted from the rows. */
  readonly recount = new Set<string>();
  /** Open-task count per due time: +1 for an open task added there, -1 for one removed, done or moved away. */
  readonly dueDeltas: Array<{ due: number; delta: 1 | -1 }> = [];
  /** Prospects whose tasks changed (their follow-up is part of what a CRM sees). */
  readonly tasksOf = new Set<string>();
  /** The metrics digest: prospects whose existence, source, deal value or stage history changed. */
  readonly historyOf = new Set<string>();
  /**
   * Stage changes created, by prospect: with prospectsMinted and prospectRows, the digest knows a new
   * person's whole history without reading it back.
   */
  readonly stageChangesCreated = new Map<string, StageChange[]>();
  /** The metrics digest: prospects whose touches changed other than by creation (reread from the rows). */
  readonly touchesOf = new Set<string>();
}

/** What listeners hear after a unit of work commits (the change broadcast announces these ids). */
export interface Committed {
  /** Every prospect whose record or rows changed, including removed ones. */
  prospectIds: string[];
  /** Prospects that no longer exist (merged away, erased). */
  removedProspectIds: string[];
}

export interface WriteOptions {
  /** For the score side effect; loaded from storage when absent. */
  settings?: Settings;
  now?: number;
  /** Adds the time of the writes and of each side effect (by name) here: a bulk job's phases (lib/data/phases.ts). */
  phases?: { add(name: string, ms: number): void };
}

export interface SideEffectContext {
  db: TouchlineDb;
  changes: ChangeSet;
  settings: Settings;
  now: number;
}

const collectors = new WeakMap<IDBTransaction, ChangeSet>();
const listeners = new Set<(c: Committed) => void>();

/** Tables whose rows are the rep's records: written only inside a unit of work. */
const TRACKED = ['prospects', 'touches', 'tasks', 'stageChanges', 'cadenceRuns', 'criteriaTicks', 'companies', 'merges'] as const;

/** Called after each unit of work commits; returns the unsubscribe function. */
export function onCommitted(listener: (c: Committed) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Runs `fn` as one unit of work: everything it writes, and every side effect of that, commits together or
 * not at all. Nested calls join the outer unit of work.
 */
export async function write<T>(db: TouchlineDb, fn: () => Promise<T>, opts: WriteOptions = {}): Promise<T> {
  const current = Dexie.currentTransaction;
  if (current && collectors.has(current.idbtrans)) return fn();
  if (current) throw new Error('A unit of work cannot start inside another transaction: call write() outermost.');
  const settings = opts.settings ?? (await loadSettings());
  const now = opts.now ?? Date.now();
  const changes = new ChangeSet();
  const clock = opts.phases;
  let t = clock ? performance.now() : 0;
  const lap = (name: string) => {
    if (!clock) return;
    const next = performance.now();
    clock.add(name, next - t);
    t = next;
  };
  const value = await db.transaction('rw', db.tables, async (tx) => {
    collectors.set(tx.idbtrans, changes);
    lap('unit of work: open');
    const result = await fn();
    lap('unit of work: rows');
    for (const [i, effect] of SIDE_EFFECTS.entries()) {
      await effect({ db, changes, settings, now });
      lap(`unit of work: ${SIDE_EFFECT_NAMES[i]}`);
    }
    return result;
  });
  lap('unit of work: commit');
  announce(changes);
  return value;
}

/**
 * Tells the current unit of work that `id` is being erased, not just removed: the outbox queues no `prospect`
 * row for it (lib/data/erase.ts queues the CRM deletion itself). Call it inside `write()`.
 */
export function markErased(id: string): void {
  const tx = Dexie.currentTransaction;
  const changes = tx && collectors.get(tx.idbtrans);
  if (!changes) throw new Error('markErased() runs inside write().');
  changes.prospectsErased.add(id);
}

/**
 * Tells the current unit of work that these prospect ids were just minted (newId()) for people it creates, so
 * no engagement figures or other rows can name them yet and the side effects need not read any: a CSV
 * import batch of 5,000 new people skips 5,000 engagement reads. Call it inside `write()`.
 */
export function markMinted(ids: Iterable<string>): void {
  const tx = Dexie.currentTransaction;
  const changes = tx && collectors.get(tx.idbtrans);
  if (!changes) throw new Error('markMinted() runs inside write().');
  for (const id of ids) changes.prospectsMinted.add(id);
}

/**
 * Writes rows with no side effects: seeding a test database or importing a snapshot that already carries its
 * derived rows. Never for a rep's change.
 */
export async function writeWithoutSideEffects<T>(db: TouchlineDb, fn: () => Promise<T>): Promise<T> {
  return db.transaction('rw', db.tables, async (tx) => {
    const changes = new ChangeSet();
    collectors.set(tx.idbtrans, changes);
    const result = await fn();
    // The metrics digest is not in snapshots: rows written here leave it to be rebuilt from them.
    if (changes.historyOf.size || changes.touchesOf.size || changes.touchesCreated.size) await invalidateDigest(db);
    return result;
  });
}

function announce(changes: ChangeSet): void {
  if (!changes.prospectIds.size) return;
  const committed: Committed = { prospectIds: [...changes.prospectIds], removedProspectIds: [...changes.prospectsDeleted] };
  for (const l of listeners) {
    try {
      l(committed);
    } catch (err) {
      console.error('[touchline] change listener failed', err);
    }
  }
}

type Row = Record<string, unknown>;

/** The collector of the transaction writing `table`, or a clear error when the write bypasses the unit of work. */
function collectorOf(tx: Transaction, table: string): ChangeSet | undefined {
  const found = collectors.get(tx.idbtrans);
  if (found) return found;
  if (tx.idbtrans.mode === 'versionchange') return undefined; // schema upgrades rewrite rows as they are
  throw new Error(`"${table}" was written outside a unit of work: use write() from lib/store/unit-of-work.ts so the outbox, engagement, scores and due counts follow.`);
}

/** Registers the change-collecting hooks on a database (once, when it is opened). */
export function trackChanges(db: TouchlineDb): void {
  for (const name of TRACKED) {
    const table = db.table(name) as Table<Row, string>;
    table.hook('creating', function (_key, obj, tx) {
      const c = collectorOf(tx, name);
      if (c) this.onsuccess = () => created(c, name, obj);
    });
    table.hook('updating', function (mods, _key, obj, tx) {
      const c = collectorOf(tx, name);
      if (c) this.onsuccess = (after) => updated(c, name, obj, after as Row, mods as Row);
    });
    table.hook('deleting', function (_key, obj, tx) {
      const c = collectorOf(tx, name);
      if (c) this.onsuccess = () => deleted(c, name, obj);
    });
  }
}

/** Prospect fields whose change alone does not make the person news to a CRM. */
const DERIVED = new Set(['updatedAt', 'searchTokens']);
/** Prospect fields the metrics digest copies (Dexie names nested changes by key path: `source.site`). */
const DIGESTED = /^(dealValue|source)(\.|$)/;

const owner = (row: Row | undefined) => (typeof row?.prospectId === 'string' ? row.prospectId : undefined);

function touch(c: ChangeSet, ...ids: Array<string | undefined>): void {
  for (const id of ids) if (id) c.prospectIds.add(id);
}

function created(c: ChangeSet, table: string, row: Row): void {
  if (table === 'prospects') {
    const id = row.id as string;
    c.prospectsWritten.add(id);
    c.prospectsDeleted.delete(id);
    c.prospectRows.set(id, row as unknown as Prospect);
    c.historyOf.add(id);
    touch(c, id);
    return;
  }
  touch(c, owner(row));
  if (table === 'stageChanges' && owner(row)) {
    c.historyOf.add(owner(row)!);
    const list = c.stageChangesCreated.get(owner(row)!);
    if (list) list.push(row as unknown as StageChange);
    else c.stageChangesCreated.set(owner(row)!, [row as unknown as StageChange]);
  }
  if (table === 'touches') c.touchesCreated.set(row.id as string, row as unknown as Touch);
  if (table === 'tasks') taskCounts(c, undefined, row as unknown as Task);
}

function updated(c: ChangeSet, table: string, before: Row, after: Row, mods: Row): void {
  if (table === 'prospects') {
    // A touch logged bumps `updatedAt` only: the CRM gets the touch, not the unchanged person again.
    // Search tokens are derived from the other fields (search-tokens.ts): they are not news to a CRM either.
    if (Object.keys(mods).some((k) => !DERIVED.has(k) && !sameValue(before[k], mods[k]))) c.prospectsWritten.add(before.id as string);
    c.prospectRows.set(before.id as string, after as unknown as Prospect);
    if (Object.keys(mods).some((k) => DIGESTED.test(k))) c.historyOf.add(before.id as string);
    touch(c, before.id as string);
    return;
  }
  const from = owner(before);
  const to = owner(after);
  touch(c, from, to);
  if (table === 'stageChanges') for (const id of [from, to]) if (id) c.historyOf.add(id);
  if (table === 'touches') {
    const t = after as unknown as Touch;
    if (!c.touchesCreated.has(t.id) && (from !== to || 'at' in mods || 'channel' in mods)) for (const id of [from, to]) if (id) c.touchesOf.add(id);
    if (c.touchesCreated.has(t.id)) c.touchesCreated.set(t.id, t);
    else if (from !== to) c.touchesMoved.set(t.id, t);
    if (from !== to || 'direction' in mods || 'at' in mods) for (const id of [from, to]) if (id) c.recount.add(id);
  }
  if (table === 'tasks') taskCounts(c, before as unknown as Task, after as unknown as Task);
}

function deleted(c: ChangeSet, table: string, row: Row): void {
  if (table === 'prospects') {
    const id = row.id as string;
    c.prospectsDeleted.add(id);
    c.prospectsWritten.delete(id);
    c.prospectRows.delete(id);
    c.historyOf.add(id);
    touch(c, id);
    return;
  }
  touch(c, owner(row));
  if (table === 'stageChanges' && owner(row)) c.historyOf.add(owner(row)!);
  if (table === 'touches') {
    if (owner(row)) c.touchesOf.add(owner(row)!);
    c.touchesCreated.delete(row.id as string);
    c.touchesMoved.delete(row.id as string);
    if (owner(row)) c.recount.add(owner(row)!);
  }
  if (table === 'tasks') taskCounts(c, row as unknown as Task, undefined);
}

function taskCounts(c: ChangeSet, before: Task | undefined, after: Task | undefined): void {
  for (const t of [before, after]) if (t) c.tasksOf.add(t.prospectId);
  const wasOpen = before?.done === 0;
  const isOpen = after?.done === 0;
  if (wasOpen && isOpen && before!.due === after!.due) return;
  if (wasOpen) c.dueDeltas.push({ due: before!.due, delta: -1 });
  if (isOpen) c.dueDeltas.push({ due: after!.due, delta: 1 });
}

/** Dexie reports arrays and objects of a replaced row as modified by reference; compare them by value. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return dequal(a, b);
}
