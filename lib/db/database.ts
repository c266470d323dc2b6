import type { CadenceRun } from '../process/cadence';
import type { Engagement } from '../process/scoring';
import type { Scoreboard } from '../store/scores';
import type { DueBins } from '../store/due-bins';
import type { CriterionTick } from '../store/criteria';
import Dexie, { type DexieOptions, type EntityTable, type Table } from 'dexie';
import type { Company, MergeRecord, Prospect, StageChange, Task, Touch } from '../model';
import type { OutboxRow, SyncLink, SyncMetaRow } from '../sync/types';
import type { SecretRow } from '../sync/connection-store';
import type { DigestRow } from '../metrics/digest';
import { DB_NAME, SCHEMA_VERSIONS } from './schema';
import { UPGRADES } from './upgrades';
import { trackChanges } from '../store/unit-of-work';
import { maintainSearchTokens } from '../store/search-tokens';

export type TouchlineDb = Dexie & {
  prospects: EntityTable<Prospect, 'id'>;
  companies: EntityTable<Company, 'id'>;
  touches: EntityTable<Touch, 'id'>;
  tasks: EntityTable<Task, 'id'>;
  stageChanges: EntityTable<StageChange, 'id'>;
  cadenceRuns: EntityTable<CadenceRun, 'id'>;
  criteriaTicks: EntityTable<CriterionTick, 'id'>;
  engagement: EntityTable<Engagement, 'prospectId'>;
  scoreboard: EntityTable<Scoreboard, 'id'>;
  counters: EntityTable<DueBins, 'id'>;
  merges: EntityTable<MergeRecord, 'id'>;
  outbox: EntityTable<OutboxRow, 'seq'>;
  syncMeta: Table<SyncMetaRow, string>;
  syncLinks: EntityTable<SyncLink, 'key'>;
  secrets: EntityTable<SecretRow, 'key'>;
  metricsDigest: EntityTable<DigestRow, 'id'>;
};

/** Declares the schema up to `upTo` (tests open older versions to check the upgrade path). */
export function declareSchema(db: Dexie, upTo = Infinity): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break;
    const version = db.version(v.version).stores(v.stores);
    const upgrade = UPGRADES[v.version];
    if (upgrade) version.upgrade(upgrade);
  }
}

export function openDb(name = DB_NAME, options?: DexieOptions): TouchlineDb {
  const db = new Dexie(name, options) as TouchlineDb;
  declareSchema(db);
  trackChanges(db);
  maintainSearchTokens(db);
  return db;
}

let shared: TouchlineDb | undefined;

/**
 * For the data page's worker (import, restore): its transactions commit without waiting for the disk
 * (Chromium's relaxed durability), much faster for large writes; a job cut short by a crash is run again.
 */
export const BULK_OPTIONS: DexieOptions = { chromeTransactionDurability: 'relaxed' };

/**
 * The extension's database (the first call's options hold). Only the background and extension pages may call this: IndexedDB opened in a
 * content script belongs to the website's origin (mail.google.com), not to the extension.
 */
export function getDb(options?: DexieOptions): TouchlineDb {
  if (typeof location !== 'undefined' && !/^(chrome|moz)-extension:$/.test(location.protocol) && !import.meta.env?.VITEST) {
    throw new Error('The Touchline database is only opened in the extension origin; use messaging from content scripts.');
  }
  shared ??= openDb(DB_NAME, options);
  return shared;
}
