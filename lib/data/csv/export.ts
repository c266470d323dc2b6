import Papa from 'papaparse';
import type { Prospect } from '../../model/prospect';
import type { Stage } from '../../process/stage';
import { escapeCell, LIST_SEPARATOR } from './cells';

/** The export's columns; their headers are the ones the import guesses back to the same fields. */
const COLUMNS: Array<[string, (p: Prospect, stageName: (id: string) => string) => string]> = [
  ['Name', (p) => p.name],
  ['Emails', (p) => p.emails.join(LIST_SEPARATOR)],
  ['LinkedIn URL', (p) => p.linkedinUrl ?? ''],
  ['Title', (p) => p.title ?? ''],
  ['Company', (p) => p.company ?? ''],
  ['Headline', (p) => p.headline ?? ''],
  ['Phone', (p) => p.phone ?? ''],
  ['Location', (p) => p.location ?? ''],
  ['Stage', (p, stageName) => stageName(p.stageId)],
  ['Tags', (p) => p.tags.join(LIST_SEPARATOR)],
  ['Notes', (p) => p.notes ?? ''],
  ['Next step', (p) => p.nextStep ?? ''],
];

export const EXPORT_HEADER = COLUMNS.map(([h]) => h);

/**
 * The prospects of a view as CSV, built in parts (one string per thousand rows inside a Blob, never one giant
 * string). Formula-looking cells are escaped; importing the file back changes nothing.
 */
export async function exportCsv(source: Iterable<Prospect[]> | AsyncIterable<Prospect[]>, stages: Stage[]): Promise<Blob> {
  const names = new Map(stages.map((s) => [s.id, s.name]));
  const stageName = (id: string) => names.get(id) ?? id;
  // A BOM so Excel reads the file as UTF-8 (the import skips it).
  const parts: string[] = ['\ufeff', Papa.unparse([EXPORT_HEADER], { newline: '\r\n' }), '\r\n'];
  for await (const chunk of source) {
    for (let i = 0; i < chunk.length; i += 1000) {
      const rows = chunk.slice(i, i + 1000).map((p) => COLUMNS.map(([, get]) => escapeCell(get(p, stageName))));
      if (rows.length) parts.push(Papa.unparse(rows, { newline: '\r\n' }), '\r\n');
    }
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
