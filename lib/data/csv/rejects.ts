import Papa from 'papaparse';
import { escapeCell } from './cells';
import type { Reject } from './record';

const rowOf = (r: Reject) => [String(r.line), r.reason, ...r.cells].map(escapeCell);
const headerOf = (header: string[]) => ['line', 'reason', ...header].map(escapeCell);

/** The rows that were not imported, as a CSV the user can fix and import again: line, reason, then the row. */
export function rejectsCsv(header: string[], rejects: Reject[]): string {
  return Papa.unparse({ fields: headerOf(header), data: rejects.map(rowOf) }, { newline: '\r\n' });
}

/** How many rejects the summary carries for the page to list; the download has all of them. */
export const REJECTS_SHOWN = 200;

/**
 * The rejects of an import as they come: the first few kept for the page, every one written into the
 * download as a Blob part per batch (a file that is all bad rows must not pile up in the worker's heap).
 * Rejects are added a batch window at a time, so sorting each window keeps the file in line order.
 */
export class RejectLog {
  readonly shown: Reject[] = [];
  count = 0;
  private parts: BlobPart[] = [];

  add(window: Reject[], header: string[]): void {
    if (!window.length) return;
    window.sort((a, b) => a.line - b.line);
    if (!this.parts.length) this.parts.push(Papa.unparse([headerOf(header)], { newline: '\r\n' }));
    this.parts.push(new Blob(['\r\n', Papa.unparse(window.map(rowOf), { newline: '\r\n' })]));
    for (const r of window) if (this.shown.length < REJECTS_SHOWN) this.shown.push(r);
    this.count += window.length;
  }

  /** The download (undefined when every row was good). */
  file(): Blob | undefined {
    return this.parts.length ? new Blob(this.parts, { type: 'text/csv;charset=utf-8' }) : undefined;
  }
}
