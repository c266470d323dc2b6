import { DEFAULT_STAGES } from '@/lib/process/default-stages';
import { FIRST_TOUCHES, shapeRecord, type RecordRead } from '@/lib/home/record-shape';
import { matchPattern, pathOf } from '../paths';
import { openExisting, readRecordRows } from './early-db';
import { earlyRecord, type StageName } from './early-record';
import { earlyShell } from './early-shell';
import { showEarly } from './takeover';

/**
 * The home's first screen, drawn by the page's first small script with plain DOM and IndexedDB, before the
 * ~480 KB of React, zod, Dexie and the views have loaded (trace 2026-12-04: nothing drawn until they had).
 * React then renders the same screen out of sight and takes over (takeover.ts). Only a record is drawn so
 * far; other views wait for React as before.
 */

type Read = RecordRead | { prospect: null };
let record: { id: string; read: Promise<Read> } | undefined;

type LocalArea = { get(key: string): Promise<Record<string, unknown>> };
/** Extension storage straight from the browser's global (the polyfill comes with the page's main code). */
const extensionStorage = () => {
  const g = globalThis as { browser?: { storage?: { local?: LocalArea } }; chrome?: { storage?: { local?: LocalArea } } };
  return (g.browser ?? g.chrome)?.storage?.local;
};

/** board/last-stages.ts's key: the stages the home drew last, kept by the board, list and record. */
const LAST_STAGES = 'touchline:board-stages';

const names = (list: unknown): StageName[] | undefined =>
  Array.isArray(list) && list.length ? list.filter((s): s is StageName => typeof s?.id === 'string' && typeof s.name === 'string').map(({ id, name }) => ({ id, name })) : undefined;

/**
 * Names for the stage row: the ones the home drew last (localStorage, at once; extension storage took up to
 * 150 ms on a busy machine, longer than the record's rows), else the stored settings', else the defaults.
 */
async function stageNames(): Promise<StageName[]> {
  try {
    const last = names(JSON.parse(localStorage.getItem(LAST_STAGES) ?? 'null'));
    if (last) return last;
  } catch {
    // unreadable: ask the settings
  }
  const stored = (await extensionStorage()?.get('settings'))?.settings as { stages?: unknown } | undefined;
  return names(stored?.stages) ?? names(DEFAULT_STAGES)!;
}

function paintRecord(id: string): Promise<unknown> {
  performance.mark('touchline:early-start');
  const read = openExisting().then(async (db) => {
    try {
      const rows = await readRecordRows(db, id, FIRST_TOUCHES);
      performance.mark('touchline:early-rows');
      return shapeRecord(rows, FIRST_TOUCHES);
    } finally {
      db.close();
    }
  });
  record = { id, read };
  return Promise.all([read, stageNames()]).then(
    ([r, stages]) => {
      performance.mark('touchline:early-read');
      if (!r.prospect) return; // React says the record is gone
      document.title = `${r.prospect.name} - Touchline`;
      if (showEarly(earlyShell('/record/:id', 'Prospect', earlyRecord(r, stages, matchMedia('(min-width: 64rem)').matches)))) performance.mark('touchline:early-drawn');
    },
    () => undefined, // React reads again and shows the error
  );
}

/** The page's main code may wait this long for the early screen: a slow read must not hold React back. */
const MAX_HOLD_MS = 150;

/**
 * Draws the first screen if this view has an early paint; resolves once that screen has had its frame (or
 * at once when there is none). The page's main code starts loading then: run earlier, its parse and
 * evaluation held the early screen's frame back on the main thread (trace 2026-12-04: drawn at 128 ms, on
 * screen at 160 ms).
 */
export function paintEarly(hash: string): Promise<void> {
  const params = matchPattern('/record/:id', pathOf(hash));
  if (!params?.id) return Promise.resolve();
  const painted = paintRecord(params.id).then(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  return Promise.race([painted, new Promise<void>((resolve) => setTimeout(resolve, MAX_HOLD_MS))]);
}

/** The early paint's read of this record, once (record-prefetch.ts hands it to the record page). */
export function takeEarlyRecord(id: string): Promise<Read> | undefined {
  const hit = record?.id === id ? record.read : undefined;
  record = undefined;
  return hit;
}
