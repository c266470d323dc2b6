import type { Table } from 'dexie';
import type { TouchlineDb } from '../db/database';
import { matchingIds, type HomeFilter } from '../home/filters';
import { loadHomeKeys, type KeysContext } from '../home/keys';
import type { Prospect } from '../model/prospect';
import type { Stage } from '../process/stage';
import { csvBlob, csvLineMaker } from './csv/export';

/**
 * The ids an export of a filtered view writes, in the view's order: the same query the board and the list
 * run (loadHomeKeys over the indexes, then matchingIds), so what is filtered is what is exported.
 */
export async function filteredIds(db: TouchlineDb, filter: HomeFilter, ctx: KeysContext): Promise<string[]> {
  return matchingIds(await loadHomeKeys(db, filter, ctx), filter, ctx.stageIds);
}


/**
 * A view's prospects as CSV: the ids given, in their order, or every prospect. A view holding a good share
 * of the table is read a page at a time in key order (one getAll per 5,000 rows) and put back in the view's
 * order from its lines: fetching 100,000 prospects one key at a time (bulkGet) was most of the export.
 */
export async function exportView(db: TouchlineDb, ids: string[] | undefined, stages: Stage[], pageRows = 5000): Promise<Blob> {
  const line = csvLineMaker(stages);
  const table = db.table<Prospect, string>('prospects');
  if (!ids) {
    const lines: string[] = [];
    for await (const page of pagesAhead(table, pageRows)) for (const p of page) lines.push(line(p));
    return csvBlob(lines);
  }
  if (ids.length * 4 < (await table.count())) {
    const lines: string[] = [];
    for (let i = 0; i < ids.length; i += pageRows) {
      for (const p of await table.bulkGet(ids.slice(i, i + pageRows))) if (p) lines.push(line(p));
    }
    return csvBlob(lines);
  }
  const wanted = new Map<string, string | undefined>(ids.map((id) => [id, undefined]));
  for await (const page of pagesAhead(table, pageRows)) for (const p of page) if (wanted.has(p.id)) wanted.set(p.id, line(p));
  return csvBlob(inOrder(ids, wanted));
}

function* inOrder(ids: string[], lines: Map<string, string | undefined>): Generator<string> {
  for (const id of ids) {
    const l = lines.get(id);
    if (l !== undefined) yield l;
  }
}

/**
 * Every row in key order, a page at a time, the next page asked for before this one is turned into lines:
 * the database reads it (in the browser process) while this thread builds the CSV.
 */
async function* pagesAhead(table: Table<Prospect, string>, size: number): AsyncGenerator<Prospect[]> {
  const after = (id?: string) => (id === undefined ? table.orderBy(':id') : table.where(':id').above(id)).limit(size).toArray();
  let next: Promise<Prospect[]> = after();
  for (;;) {
    const rows = await next;
    if (!rows.length) return;
    next = rows.length < size ? Promise.resolve([]) : after(rows[rows.length - 1]!.id);
    yield rows;
  }
}
