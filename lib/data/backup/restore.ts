import type { TouchlineDb } from '../../db/database';
import type { Company, Prospect } from '../../model';
import { Settings, describeSettingsError } from '../../settings/settings';
import { tickId } from '../../store/criteria';
import { announceAllChanged, recreateDatabase } from '../../db/recreate';
import { searchTokens } from '../../search/tokens';
import { write } from '../../store/unit-of-work';
import { BackupFileError, readBackup, type BackupHead } from './read';
import { BACKUP_TABLES, DERIVED_TABLES, SYNC_TABLES, TABLE_NAMES, type BackupTable } from './schemas';

export type RestoreMode = 'replace' | 'merge';

export interface BackupCheck {
  head: BackupHead;
  settings: Settings;
  counts: Partial<Record<BackupTable, number>>;
}

export interface RestoreProgress {
  /** `emptied`: a replace restore has deleted this profile's rows; from here on, stopping leaves it partial. */
  phase: 'checking' | 'emptied' | 'writing';
  table: string;
  rows: number;
}

/** A replace restore that stopped after it had emptied the profile: what is there now is part of the backup. */
export class RestoreUnfinishedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreUnfinishedError';
  }
}

/**
 * The keys IndexedDB would refuse twice in one table (the id, and the unique indexes of lib/db/schema.ts),
 * checked for the people and companies: a file that repeats one passes every row's schema but would stop a
 * replace restore half-way, after the profile was emptied. Bounded by the number of people; the larger
 * tables' ids are left to the write, whose failure says what the profile then holds.
 */
function uniqueKeys() {
  const seen = { prospects: new Set<string>(), companies: new Set<string>() };
  return (table: string, row: unknown, index: number): string | undefined => {
    if (table !== 'prospects' && table !== 'companies') return undefined;
    const r = row as { id?: unknown; emails?: unknown; linkedinUrl?: unknown; domain?: unknown };
    const keys = [
      ['id', r.id],
      ...(Array.isArray(r.emails) ? r.emails.map((e) => ['email', e]) : []),
      ['LinkedIn URL', r.linkedinUrl],
      ...(table === 'companies' ? [['domain', r.domain]] : []),
    ] as Array<[string, unknown]>;
    const set = seen[table];
    for (const [name, value] of keys) {
      if (typeof value !== 'string') continue;
      const key = `${name}\u0000${value}`;
      if (set.has(key)) return `${table} row ${index + 1}: ${name} ${JSON.stringify(value)} is already another row's`;
      set.add(key);
    }
    return undefined;
  };
}

/**
 * Reads the whole file once and checks every row against its table's schema (and the settings against
 * theirs) before anything is written. Throws BackupFileError naming the first problems.
 */
export async function checkBackup(file: Blob, onProgress?: (p: RestoreProgress) => void): Promise<BackupCheck> {
  let head: BackupHead | undefined;
  const rows = await readBackup(file, (h) => (head = h));
  const counts: Partial<Record<BackupTable, number>> = {};
  const problems: string[] = [];
  const repeated = uniqueKeys();
  let bad = 0;
  for await (const items of rows) for (const { table, row, index } of items) {
    const schema = (BACKUP_TABLES as Record<string, (typeof BACKUP_TABLES)[BackupTable]>)[table];
    if (!schema) throw new BackupFileError(`The backup has a table this version of Touchline does not know ("${table}").`);
    const t = table as BackupTable;
    counts[t] = (counts[t] ?? 0) + 1;
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      bad++;
      if (problems.length < 5) problems.push(`${table} row ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'row'} ${i.message}`).join(', ')}`);
    } else {
      const twice = repeated(table, row, index);
      if (twice) {
        bad++;
        if (problems.length < 5) problems.push(twice);
      }
    }
    if (index % 5000 === 4999) onProgress?.({ phase: 'checking', table, rows: index + 1 });
  }
  const settings = Settings.safeParse(head!.settings);
  if (!settings.success) problems.unshift(`settings: ${describeSettingsError(settings.error)}`);
  if (problems.length) {
    throw new BackupFileError(`Nothing was restored: ${bad + (settings.success ? 0 : 1)} record(s) are not valid. ${problems.join('; ')}`);
  }
  return { head: head!, settings: settings.data!, counts };
}

export interface RestoreSummary {
  mode: RestoreMode;
  written: Partial<Record<BackupTable, number>>;
  /** Merge: rows already present (same id, or the same person by email / LinkedIn URL). */
  kept: Partial<Record<BackupTable, number>>;
}

export interface RestoreOptions {
  mode: RestoreMode;
  /** Replace: stores the backup's settings (validated already). */
  saveSettings: (s: Settings) => Promise<unknown>;
  /** Merge: this profile's settings, for the scores of the people added. */
  settings: Settings;
  onProgress?: (p: RestoreProgress) => void;
  chunkRows?: number;
}

/**
 * Restores a backup: checks all of it first (a broken or newer file changes nothing), then writes it in
 * chunked transactions. Replace empties every table and puts the backup's rows and settings back as they
 * were; merge adds the backup's people to the ones here, recognising a person by id, any email or the
 * LinkedIn URL, and keeps this profile's settings and CRM bookkeeping.
 */
export async function restoreBackup(db: TouchlineDb, file: Blob, opts: RestoreOptions): Promise<RestoreSummary & { check: BackupCheck }> {
  const check = await checkBackup(file, opts.onProgress);
  const summary: RestoreSummary = { mode: opts.mode, written: {}, kept: {} };
  const size = opts.chunkRows ?? 20_000;
  const merge = opts.mode === 'merge' ? merger(db, summary, opts.settings) : undefined;
  // Replace writes a snapshot that carries its own derived rows (scores, engagement, due counts, outbox):
  // no side effects, or they would be counted twice. The database is deleted and made again (the CRM
  // secrets kept), then filled below Dexie: nothing else reads or writes it until the restore ends.
  if (!merge) {
    await recreateDatabase(db);
    opts.onProgress?.({ phase: 'emptied', table: '', rows: 0 });
  }
  // The table of the chunk being written: reading runs ahead of it, so `current` may already be the next one.
  let stoppedIn: BackupTable | undefined;
  const add = async (t: BackupTable, rows: unknown[]) => {
    // What the search-token hook would have done (lib/store/search-tokens.ts): the tokens follow the rows.
    if (t === 'prospects') for (const p of rows as Prospect[]) p.searchTokens = searchTokens(p);
    stoppedIn = t;
    await addRows(db, t, rows);
    summary.written[t] = (summary.written[t] ?? 0) + rows.length;
    opts.onProgress?.({ phase: 'writing', table: t, rows: summary.written[t] ?? 0 });
  };
  // Replace: the next chunk is parsed while the last one is written (one in flight, so memory stays at two
  // chunks). Merge maps ids chunk by chunk, so each chunk waits for the one before.
  let writing: Promise<void> = Promise.resolve();
  let buffer: unknown[] = [];
  let current: BackupTable | undefined;
  const flush = async () => {
    if (!current || !buffer.length) return;
    const t = current;
    const rows = buffer.map((r) => BACKUP_TABLES[t].parse(r));
    buffer = [];
    await writing;
    if (merge) {
      await merge.write(t, rows);
      opts.onProgress?.({ phase: 'writing', table: t, rows: summary.written[t] ?? 0 });
    } else {
      writing = add(t, rows);
      writing.catch(() => {}); // awaited (and thrown) at the next flush
    }
  };
  try {
    for await (const items of await readBackup(file, () => {})) {
      for (const { table, row } of items) {
        if (table !== current) {
          await flush();
          current = table as BackupTable;
        }
        buffer.push(row);
        if (buffer.length >= size) await flush();
      }
    }
    await flush();
    await writing;
  } catch (err) {
    if (merge) throw err;
    const written = Object.values(summary.written).reduce((a, b) => a + (b ?? 0), 0);
    throw new RestoreUnfinishedError(
      `The restore stopped while writing ${stoppedIn ?? current ?? 'the first table'} (${(err as Error).message}). This profile was emptied for it and now holds ${written.toLocaleString('en')} of the backup's records: restore the same file again with Replace to finish.`,
    );
  } finally {
    // Open pages and the background read again: Dexie saw none of the rows written below it.
    if (!merge) announceAllChanged();
  }
  if (!merge) await opts.saveSettings(check.settings);
  return { ...summary, check };
}

/**
 * Adds rows straight to IndexedDB in one transaction of relaxed durability (the commit does not wait for the
 * disk: several times faster in Chromium for large writes, and a restore cut short is restored again anyway).
 * Any failed row (a key already there) aborts the whole chunk.
 */
function addRows(db: TouchlineDb, table: string, rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction(table, 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore(table);
    for (const row of rows) store.add(row);
    // The request that failed says why (a key already there); the transaction's own error may be empty.
    let failed: DOMException | null = null;
    tx.onerror = (e) => void (failed ??= (e.target as IDBRequest).error);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(describe(failed ?? tx.error) ?? new Error(`Writing ${table} was cancelled.`));
  });
}

/** An IndexedDB error as an Error whose message is never empty (a refused key names itself only by its name). */
function describe(err: DOMException | null): Error | undefined {
  if (!err) return undefined;
  return new Error(err.message && err.message !== err.name ? `${err.name}: ${err.message}` : err.name === 'ConstraintError' ? 'a key in the file is there twice' : err.name);
}

/**
 * Merge: each chunk is one unit of work, so the people and touches added reach the outbox, their engagement,
 * scores and due counts as any other change would. Backup ids map to the ids here for prospects and companies.
 */
function merger(db: TouchlineDb, summary: RestoreSummary, settings: Settings) {
  const prospectIds = new Map<string, string>();
  const companyIds = new Map<string, string>();
  const count = (t: BackupTable, written: number, kept: number) => {
    summary.written[t] = (summary.written[t] ?? 0) + written;
    summary.kept[t] = (summary.kept[t] ?? 0) + kept;
  };
  const pid = (id: string) => prospectIds.get(id) ?? id;

  async function companies(rows: Company[]) {
    const domains = [...new Set(rows.flatMap((c) => (c.domain ? [c.domain] : [])))];
    const urls = [...new Set(rows.flatMap((c) => (c.linkedinUrl ? [c.linkedinUrl] : [])))];
    const [byId, byDomain, byUrl] = await Promise.all([
      db.companies.bulkGet(rows.map((c) => c.id)),
      domains.length ? db.companies.where('domain').anyOf(domains).toArray() : [],
      urls.length ? db.companies.where('linkedinUrl').anyOf(urls).toArray() : [],
    ]);
    const domainOwner = new Map(byDomain.map((c) => [c.domain!, c.id]));
    const urlOwner = new Map(byUrl.map((c) => [c.linkedinUrl!, c.id]));
    const add: Company[] = [];
    rows.forEach((c, i) => {
      const same = byId[i]?.id ?? (c.domain ? domainOwner.get(c.domain) : undefined) ?? (c.linkedinUrl ? urlOwner.get(c.linkedinUrl) : undefined);
      if (same) return void companyIds.set(c.id, same);
      // A later row of the backup with the same domain or page is the same company (both indexes are unique).
      if (c.domain) domainOwner.set(c.domain, c.id);
      if (c.linkedinUrl) urlOwner.set(c.linkedinUrl, c.id);
      add.push(c);
    });
    await write(db, () => db.companies.bulkAdd(add), { settings });
    count('companies', add.length, rows.length - add.length);
  }

  async function prospects(rows: Prospect[]) {
    const add: Prospect[] = [];
    await write(db, async () => {
      // Three index reads per chunk, not three per person.
      const emails = [...new Set(rows.flatMap((p) => p.emails))];
      const urls = [...new Set(rows.flatMap((p) => (p.linkedinUrl ? [p.linkedinUrl] : [])))];
      const [byId, byEmail, byUrl] = await Promise.all([
        db.prospects.bulkGet(rows.map((p) => p.id)),
        emails.length ? db.prospects.where('emails').anyOf(emails).toArray() : [],
        urls.length ? db.prospects.where('linkedinUrl').anyOf(urls).toArray() : [],
      ]);
      // Who holds each email or URL: people here first, then the backup's people added by this chunk.
      const emailOwner = new Map<string, string>();
      for (const p of byEmail) for (const e of p.emails) emailOwner.set(e, p.id);
      const urlOwner = new Map(byUrl.map((p) => [p.linkedinUrl!, p.id]));
      rows.forEach((p, i) => {
        // The person's lowest email in index order decides, as an anyOf(emails).first() would. A backup row
        // whose email or URL an earlier row of the same backup claimed keeps the first, and its rows follow it.
        const email = p.emails.filter((e) => emailOwner.has(e)).sort()[0];
        const same = byId[i]?.id ?? (email ? emailOwner.get(email) : undefined) ?? (p.linkedinUrl ? urlOwner.get(p.linkedinUrl) : undefined);
        if (same) {
          prospectIds.set(p.id, same);
          return;
        }
        const next = { ...p, companyId: p.companyId && (companyIds.get(p.companyId) ?? p.companyId) };
        for (const e of p.emails) emailOwner.set(e, p.id);
        if (p.linkedinUrl) urlOwner.set(p.linkedinUrl, p.id);
        add.push(next);
      });
      await db.prospects.bulkAdd(add);
    }, { settings });
    count('prospects', add.length, rows.length - add.length);
  }

  /** How a row that belongs to a prospect is re-pointed at the same person here. */
  type Row = { id: string; prospectId?: string; keptId?: string; stageId?: string; criterionId?: string; removedId?: string; sourceKey?: string };
  const repoint = (t: BackupTable, r: Row): Row => {
    if (t === 'merges') return { ...r, keptId: pid(r.keptId!), removedId: pid(r.removedId!) };
    const prospectId = pid(r.prospectId!);
    // A tick's id is made of its prospect, stage and criterion.
    if (t === 'criteriaTicks') return { ...r, prospectId, id: tickId(prospectId, r.stageId!, r.criterionId!) };
    return { ...r, prospectId };
  };

  /** Rows that belong to a prospect: re-pointed at the person here, added unless already present. */
  async function owned(t: BackupTable, rows: Row[]) {
    const table = db.table(t);
    const moved = rows.map((r) => repoint(t, r));
    const present = await table.bulkGet(moved.map((r) => r.id));
    let add = moved.filter((_, i) => !present[i]);
    if (t === 'touches') {
      const keys = add.map((r) => r.sourceKey).filter((k): k is string => !!k);
      const known = new Set(keys.length ? await db.touches.where('sourceKey').anyOf(keys).keys() : []);
      add = add.filter((r) => !r.sourceKey || !known.has(r.sourceKey));
    }
    await write(db, () => table.bulkAdd(add), { settings });
    count(t, add.length, rows.length - add.length);
  }

  return {
    async write(t: BackupTable, rows: unknown[]) {
      if (DERIVED_TABLES.has(t) || SYNC_TABLES.has(t)) return count(t, 0, rows.length);
      if (t === 'companies') return companies(rows as Company[]);
      if (t === 'prospects') return prospects(rows as Prospect[]);
      return owned(t, rows as Row[]);
    },
  };
}
