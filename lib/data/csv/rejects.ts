import Papa from 'papaparse';
import { escapeCell } from './cells';
import type { Reject } from './record';

/** The rows that were not imported, as a CSV the user can fix and import again: line, reason, then the row. */
export function rejectsCsv(header: string[], rejects: Reject[]): string {
  const rows = rejects.map((r) => [String(r.line), r.reason, ...r.cells].map(escapeCell));
  return Papa.unparse({ fields: ['line', 'reason', ...header].map(escapeCell), data: rows }, { newline: '\r\n' });
}
