import type { TouchlineDb } from '../../db/database';
import type { Settings } from '../../settings/settings';
import type { Encoding } from './decode';
import { CsvFileError } from './errors';
import { guessMapping, type Mapping } from './fields';
import { isReject, recordMaker, type ImportRecord, type Reject } from './record';
import { readCsvRows } from './rows';
import { writeBatch } from './write';

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
  rejects: Reject[];
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
  /** Rows per transaction; each batch is written fully or not at all. */
  batchRows?: number;
  now?: () => number;
}

/**
 * Imports a CSV file: reads it in slices, checks every row, writes the good ones in batches (one transaction
 * each) and collects the bad ones with their line and reason. Cancelling stops before the next batch: what
 * was written stays written and the summary says how far it got.
 */
export async function importCsv(db: TouchlineDb, file: Blob, opts: ImportOptions): Promise<ImportSummary> {
  if (!opts.mapping.some((f) => f === 'email' || f === 'linkedinUrl')) {
    throw new CsvFileError('no-header', 'Map at least one column to Email or LinkedIn URL: people are recognised by them.');
  }
  const make = recordMaker(opts.mapping, opts.settings.stages);
  const size = opts.batchRows ?? 500;
  const s: ImportSummary = { bytes: 0, total: file.size, rows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, rejects: [], header: [], cancelled: false };
  let header: string[] | undefined;
  let records: ImportRecord[] = [];
  const cellsOf = new Map<number, string[]>();
  const flush = async () => {
    const r = await writeBatch(db, records, opts.settings, opts.now?.());
    s.created += r.created;
    s.updated += r.updated;
    s.unchanged += r.unchanged;
    for (const x of r.rejects) s.rejects.push({ ...x, cells: cellsOf.get(x.line) ?? [] });
    records = [];
    cellsOf.clear();
  };
  try {
    for await (const batch of readCsvRows(file, { encoding: opts.encoding, signal: opts.signal })) {
      for (const row of batch.rows) {
        if (!header) {
          header = s.header = row.cells;
          continue;
        }
        s.rows++;
        const r = make(row.line, row.cells);
        if (isReject(r)) s.rejects.push(r);
        else {
          records.push(r);
          cellsOf.set(r.line, row.cells);
        }
        if (records.length >= size) {
          await flush();
          if (opts.signal?.aborted) throw new CsvFileError('cancelled', 'Import cancelled.');
        }
      }
      s.bytes = batch.bytes;
      s.rejected = s.rejects.length;
      opts.onProgress?.({ ...s });
    }
    await flush();
  } catch (e) {
    if (!(e instanceof CsvFileError && e.code === 'cancelled')) throw e;
    s.cancelled = true;
  }
  s.rejected = s.rejects.length;
  s.rejects.sort((a, b) => a.line - b.line);
  return s;
}
