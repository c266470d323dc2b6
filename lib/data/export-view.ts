import type { TouchlineDb } from '../db/database';
import { matchingIds, type HomeFilter } from '../home/filters';
import { loadHomeKeys, type KeysContext } from '../home/keys';
import type { Prospect } from '../model/prospect';
import type { Stage } from '../process/stage';
import { csvBlob, csvLineMaker } from './csv/export';
import { Phases } from './phases';

/**
 * The ids an export of a filtered view writes, in the view's order: the same query the board and the list
 * run (loadHomeKeys over the indexes, then matchingIds), so what is filtered is what is exported.
 */
export async function filteredIds(db: TouchlineDb, filter: HomeFilter, ctx: KeysContext, phases?: Phases): Promise<string[]> {
  const t0 = performance.now();
  const keys = await loadHomeKeys(db, filter, ctx);
  // Without the scoreboard's stage column (a raw seed, an old snapshot) the stages are joined from the
  // stageId index: much slower, and the board repairs it on its first visit. Named apart so a figure says which.
  phases?.add(keys.stale ? 'filter query (no stage column: joined from the stageId index)' : 'filter query', performance.now() - t0);
  return matchingIds(keys, filter, ctx.stageIds);
}


/**
 * A view's prospects as CSV: the ids given (or promised: the filter's query runs while the table is read), in
 * their order, or every prospect. A view holding a good share of the table is read a page at a time in key
 * order (one getAll per 5,000 rows) and put back in the view's order from its lines: fetching 100,000
 * prospects one key at a time (bulkGet) was most of the export.
 */
export async function exportView(db: TouchlineDb, view: string[] | Promise<string[]> | undefined, stages: Stage[], pageRows = 5000, phases = new Phases()): Promise<Blob> {
  const line = csvLineMaker(stages);
  const table = db.table<Prospect, string>('prospects');
  const blob = (lines: Iterable<string>) => phases.time('blob', () => csvBlob(lines));
  if (!view) {
    const lines: string[] = [];
    const lap = phases.lap();
    for await (const page of pagesAhead(db, pageRows)) {
      lap('read');
      for (const p of page) lines.push(line(p));
      lap('lines');
    }
    return blob(lines);
  }
  const few = async (ids: string[]) => {
    const lines: string[] = [];
    const lap = phases.lap();
    for (let i = 0; i < ids.length; i += pageRows) {
      const rows = await table.bulkGet(ids.slice(i, i + pageRows));
      lap('read');
      for (const p of rows) if (p) lines.push(line(p));
      lap('lines');
    }
    return blob(lines);
  };
  if (Array.isArray(view) && view.length * 4 < (await table.count())) return few(view);
  // The first pages are asked for before promised ids are known; a small view drops them and fetches its own rows.
  const pages = pagesAhead(db, pageRows);
  const first = pages.next();
  first.catch(() => {});
  const [ids, count] = await phases.time('wait for the ids (the first pages read meanwhile)', () => Promise.all([view, table.count()]));
  if (ids.length * 4 < count) {
    void first.then(() => pages.return(undefined)).catch(() => {});
    return few(ids);
  }
  const wanted = new Map<string, string | undefined>(ids.map((id) => [id, undefined]));
  const lap = phases.lap();
  for (let r = await first; !r.done; r = await pages.next()) {
    lap('read');
    for (const p of r.value) if (wanted.has(p.id)) wanted.set(p.id, line(p));
    lap('lines');
  }
  return blob(inOrder(ids, wanted));
}

function* inOrder(ids: string[], lines: Map<string, string | undefined>): Generator<string> {
  for (const id of ids) {
    const l = lines.get(id);
    if (l !== undefined) yield l;
  }
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

/** Pages asked for before the one being turned into lines is done. */
const AHEAD = 3;

/**
 * Every row in key order, a page at a time: the primary keys first (strings only, one request), then each
 * page a getAll over its key range, AHEAD of them asked for at once, so the database reads the next pages
 * (in the browser process) while this thread turns one into lines. The keys come from the object store:
 * the stageId index's keys, sorted, made the export slower in Chromium (4.3-4.4 s against 3.3 s, load 7-11,
 * 2026-12-04), as did the index's count for the table's size.
 */
async function* pagesAhead(db: TouchlineDb, size: number): AsyncGenerator<Prospect[]> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  const store = () => idb.transaction('prospects', 'readonly').objectStore('prospects');
  const keys = (await request(store().getAllKeys())) as string[];
  const page = (i: number) => request(store().getAll(IDBKeyRange.bound(keys[i], keys[Math.min(keys.length, i + size) - 1]))) as Promise<Prospect[]>;
  const queue: Promise<Prospect[]>[] = [];
  let next = 0;
  const ask = () => {
    if (next >= keys.length) return;
    queue.push(page(next));
    next += size;
  };
  while (queue.length < AHEAD && next < keys.length) ask();
  while (queue.length) {
    const rows = await queue.shift()!;
    ask();
    yield rows;
  }
}
