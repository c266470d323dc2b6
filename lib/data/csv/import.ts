import type { TouchlineDb } from '../../db/database';
import type { Phases } from '../phases';
import type { Settings } from '../../settings/settings';
import type { Encoding } from './decode';
import { CsvFileError } from './errors';
import { guessMapping, type Mapping } from './fields';
import { isReject, recordMaker, type ImportRecord, type Reject } from './record';
import { RejectLog } from './rejects';
import { readCsvRows } from './rows';
import { planNew, writeBatch, type BatchPlan, type MatchMode } from './write';

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
  /** Where the time goes (lib/data/phases.ts): reading, checking, planning, waiting for writes, each write's parts. */
  phases?: Phases;
}

interface Batch {
  records: ImportRecord[];
  /** Rejects found while reading, and then the writer's. */
  bad: Reject[];
  cellsOf: Map<number, string[]>;
  /** Rows read up to the end of this batch (what the progress says once it is written). */
  rowsThrough: number;
  now: number;
  /** Its rows worked out as new people, while the batch before was written (./write.ts planNew). */
  planned?: BatchPlan;
}
const newBatch = (): Batch => ({ records: [], bad: [], cellsOf: new Map(), rowsThrough: 0, now: 0 });

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
  let read = 0; // rows read so far; p.rows counts those of the batches written
  let batch = newBatch();
  // New leads are written without looking anyone up until a batch meets someone already here; then batches
  // look up, until one finds nobody again (./write.ts, MatchMode).
  let mode: MatchMode = 'assume-new';
  const writeOne = async (b: Batch) => {
    const r = await writeBatch(db, b.records, opts.settings, b.now, mode, mode === 'assume-new' ? b.planned : undefined, opts.phases);
    mode = r.looked && r.found > 0 ? 'lookup' : 'assume-new';
    p.created += r.created;
    p.updated += r.updated;
    p.unchanged += r.unchanged;
    for (const x of r.rejects) b.bad.push({ ...x, cells: b.cellsOf.get(x.line) ?? [] });
    log.add(b.bad, header ?? []);
    p.rejected = log.count;
    p.rows = b.rowsThrough;
  };
  // A full batch is planned as new people (if the last one was) before the one before it is done.
  const close = (): Batch => {
    const now = opts.now?.() ?? Date.now();
    const t0 = performance.now();
    const b = { ...batch, rowsThrough: read, now, planned: mode === 'assume-new' ? planNew(batch.records, opts.settings, now) : undefined };
    opts.phases?.add('plan', performance.now() - t0);
    batch = newBatch();
    return b;
  };
  // One batch is written while the next is read and checked: the worker's parsing overlaps the database's
  // work instead of waiting for it. A batch starts only once the one before is written and reported.
  let writing: Promise<void> | undefined;
  const settle = async () => {
    if (!writing) return;
    const w = writing;
    writing = undefined;
    const t0 = performance.now();
    await w;
    opts.phases?.add('wait for the batch before', performance.now() - t0);
    opts.onProgress?.({ ...p });
  };
  const start = (b: Batch) => {
    writing = writeOne(b);
    // Awaited (and thrown) by the next settle.
    writing.catch(() => {});
  };
  let cancelled = false;
  try {
    let t0 = performance.now();
    for await (const chunk of readCsvRows(file, { encoding: opts.encoding, signal: opts.signal, chunkBytes: opts.chunkBytes })) {
      opts.phases?.add('read and parse', performance.now() - t0);
      p.bytes = chunk.bytes;
      for (const row of chunk.rows) {
        if (!header) {
          header = row.cells;
          continue;
        }
        read++;
        const t1 = opts.phases ? performance.now() : 0;
        const r = make(row.line, row.cells);
        opts.phases?.add('check rows', performance.now() - t1);
        if (isReject(r)) batch.bad.push(r);
        else {
          batch.records.push(r);
          batch.cellsOf.set(r.line, row.cells);
        }
        if (batch.records.length + batch.bad.length >= size) {
          const full = close();
          await settle();
          if (opts.signal?.aborted) throw new CsvFileError('cancelled', 'Import cancelled.');
          start(full);
        }
      }
      t0 = performance.now();
    }
    const last = close();
    await settle();
    start(last);
    await settle();
  } catch (e) {
    if (!(e instanceof CsvFileError)) throw e;
    if (e.code !== 'cancelled') {
      // A problem found half-way (a badly encoded line deep in the file): the rows read before it are good,
      // so they are written, and the message says how many.
      const last = close();
      await settle();
      start(last);
      await settle();
      const written = p.created + p.updated;
      if (!written) throw e;
      throw new CsvFileError(e.code, `${e.message} The ${written.toLocaleString('en')} rows before it were imported; importing the file again once fixed will not duplicate them.`);
    }
    // Rows read after the last batch written were neither written nor rejected: they are not counted.
    await settle();
    cancelled = true;
  }
  return { ...p, rejects: log.shown, rejectsFile: log.file(), header: header ?? [], cancelled };
}
