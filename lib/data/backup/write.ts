import type { Table } from 'dexie';
import type { TouchlineDb } from '../../db/database';
import { SCHEMA_VERSIONS } from '../../db/schema';
import type { Settings } from '../../settings/settings';
import { replacer } from './codec';
import { TABLE_NAMES } from './schemas';

export const BACKUP_FORMAT = 'touchline-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

export interface BackupProgress {
  table: string;
  rows: number;
}

/** Rows of a table in primary-key order, a page at a time (keyset paging: no offset scans). */
export async function* pages<T>(table: Pick<Table<T, unknown>, 'schema' | 'orderBy' | 'where'>, size: number): AsyncGenerator<T[]> {
  // Every table's key is inline (a property of the row), so the last row gives the next page's start.
  const keyPath = table.schema.primKey.keyPath as string;
  let last: unknown;
  for (;;) {
    const coll = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const rows = await coll.limit(size).toArray();
    if (!rows.length) return;
    yield rows;
    if (rows.length < size) return;
    last = (rows[rows.length - 1] as Record<string, unknown>)[keyPath];
  }
}

/**
 * One JSON file with every table, the settings and the schema version. It is built from small Blobs (one per
 * page of rows), never one giant string, and laid out one row per line so restoring can read it as a stream.
 */
export async function createBackup(db: TouchlineDb, settings: Settings, opts: { now?: number; pageRows?: number; onProgress?: (p: BackupProgress) => void } = {}): Promise<Blob> {
  const head = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: opts.now ?? Date.now(), settings };
  const parts: Blob[] = [new Blob([`${JSON.stringify(head).slice(0, -1)},"tables":{\n`])];
  for (const [t, name] of TABLE_NAMES.entries()) {
    parts.push(new Blob([`${JSON.stringify(name)}:[\n`]));
    let rows = 0;
    for await (const page of pages(db.table(name), opts.pageRows ?? 20_000)) {
      // Only the scoreboard holds typed arrays: a replacer function on every row makes stringify several times slower.
      const text = page.map(name === 'scoreboard' ? (r) => JSON.stringify(r, replacer) : (r) => JSON.stringify(r)).join(',\n');
      parts.push(new Blob([rows ? ',\n' : '', text]));
      rows += page.length;
      opts.onProgress?.({ table: name, rows });
    }
    parts.push(new Blob([rows ? '\n' : '', t < TABLE_NAMES.length - 1 ? '],\n' : ']\n']));
  }
  parts.push(new Blob(['}}\n']));
  return new Blob(parts, { type: 'application/json' });
}
