import type { TouchlineDb } from '../../db/database';
import type { Settings } from '../../settings/settings';
import type { Encoding } from './decode';
import { CsvFileError } from './errors';
import { guessMapping, type Mapping } from './fields';
import { isReject, recordMaker, type ImportRecord, type Reject } from './record';
import { RejectLog } from './rejects';
import { readCsvRows } from './rows';
import { writeBatch, type MatchMode } from './write';

export interface CsvPreview {
  header: string[];
  rows: string[][];
  mapping: Mapping;
}

/** The header and the first rows, for the mapping step of the wizard. */
export async function previewCsv(file: Blob, opts: { encoding?: Encoding; rows?: number } = {}): Promise<CsvPreview> {
  const want = (opts.rows ?? 5) + 1;
  const rows: string[][] = [];
  for await (const batch of readCsvRows(file, { encoding: opts.encoding, chunkBytes: 64 * 1024 })) {
    rows.push(...batch.rows.map((r) => r.cells));
    if (rows.length >= want) break;
  }
  const header = rows.shift();
  if (!header) throw new CsvFileError('no-header', 'The file has no header row.');
  return { header, rows: rows.slice(0, want - 1), mapping: guessMapping(header) };
}

export interface ImportProgress {
  bytes: number;
  total: number;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportSummary extends ImportProgress {
  /** The first rejects, in line order, for the page to list (REJECTS_SHOWN); `rejected` counts them all. */
  rejects: Reject[];
  /** Every reject as a CSV (line, reason, the row as it was), built in parts; absent when there are none. */
  rejectsFile?: Blob;
  header: string[];
  cancelled: boolean;
}

export interface ImportOptions {
  mapping: Mapping;
  /** The stages rows are checked against, and the score settings for the people written. */
  settings: Settings;
  encoding?: Encoding;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Bytes read from the file at a time (1 MiB unless set). */
  chunkBytes?: number;
  /** Rows per transaction; each batch is written fully or not at all. */
  batchRows?: number;
  now?: () => number;
}

/**
 * Imports a CSV file: reads it in slices, checks every row, writes the good ones in batches (one transaction
 * each) and collects the bad ones with their line and reason. Memory stays at a slice of the file and one
 * batch whatever the file's size. Progress is reported after every batch. Cancelling stops before the next
 * batch: what was written stays written and the summary says how far it got.
 */
export async function importCsv(db: TouchlineDb, file: Blob, opts: ImportOptions): Promise<ImportSummary> {
  if (!opts.mapping.some((f) => f === 'email' || f === 'linkedinUrl')) {
    throw new CsvFileError('no-header', 'Map at least one column to Email or LinkedIn URL: people are recognised by them.');
  }
  const make = recordMaker(opts.mapping, opts.settings.stages);
  const size = opts.batchRows ?? 5000;
  const p: ImportProgress = { bytes: 0, total: file.size, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
  const log = new RejectLog();
  let header: string[] | undefined;
  let records: ImportRecord[] = [];
  let bad: Reject[] = []; // rejects since the last batch
  const cellsOf = new Map<number, string[]>();
  // New leads are written without looking anyone up until a batch meets someone already here; then batches
  // look up, until one finds nobody again (./write.ts, MatchMode).
  let mode: MatchMode = 'assume-new';
  const flush = async () => {
    const r = await writeBatch(db, records, opts.settings, opts.now?.(), mode);
    mode = r.looked && r.found > 0 ? 'lookup' : 'assume-new';
    p.created += r.created;
    p.updated += r.updated;
    p.unchanged += r.unchanged;
    for (const x of r.rejects) bad.push({ ...x, cells: cellsOf.get(x.line) ?? [] });
    log.add(bad, header ?? []);
    p.rejected = log.count;
    records = [];
    bad = [];
    cellsOf.clear();
  };
  let cancelled = false;
  try {
    for await (const batch of readCsvRows(file, { encoding: opts.encoding, signal: opts.signal, chunkBytes: opts.chunkBytes })) {
      p.bytes = batch.bytes;
      for (const row of batch.rows) {
        if (!header) {
          header = row.cells;
          continue;
        }
        p.rows++;
        const r = make(row.line, row.cells);
        if (isReject(r)) bad.push(r);
        else {
          records.push(r);
          cellsOf.set(r.line, row.cells);
        }
        if (records.length + bad.length >= size) {
          await flush();
          opts.onProgress?.({ ...p });
          if (opts.signal?.aborted) throw new CsvFileError('cancelled', 'Import cancelled.');
        }
      }
    }
    await flush();
    opts.onProgress?.({ ...p });
  } catch (e) {
    if (!(e instanceof CsvFileError)) throw e;
    if (e.code !== 'cancelled') {
      // A problem found half-way (a badly encoded line deep in the file): the rows read before it are good,
      // so they are written, and the message says how many.
      await flush();
      const written = p.created + p.updated;
      if (!written) throw e;
      throw new CsvFileError(e.code, `${e.message} The ${written.toLocaleString('en')} rows before it were imported; importing the file again once fixed will not duplicate them.`);
    }
    // Rows read after the last batch were neither written nor rejected: they are not counted.
    p.rows -= records.length + bad.length;
    cancelled = true;
  }
  return { ...p, rejects: log.shown, rejectsFile: log.file(), header: header ?? [], cancelled };
}
