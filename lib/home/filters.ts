import { z } from 'zod';
import { CAPTURE_SITES } from '../model/prospect';

/**
 * The home's filters (board and list share them): the model, and the query over key sets read from Dexie
 * indexes (lib/home/keys.ts). The query is pure: it never sees a prospect row, only ids, so a filter over
 * 100,000 prospects is set work on ids, and a view loads only the rows it shows.
 */

export const HOME_SORTS = ['score', 'lastTouch', 'nextStep'] as const;
export type HomeSort = (typeof HOME_SORTS)[number];
export const SORT_LABELS: Record<HomeSort, string> = { score: 'Score', lastTouch: 'Last touch', nextStep: 'Next-step date' };

export const SOURCE_LABELS: Record<(typeof CAPTURE_SITES)[number], string> = { gmail: 'Gmail', linkedin: 'LinkedIn', import: 'Import', manual: 'Added by hand' };

export const HomeFilter = z.object({
  /** Lead score range, inclusive. */
  scoreMin: z.number().int().min(0).max(100),
  scoreMax: z.number().int().min(0).max(100),
  /** Only these stages; empty = every stage. */
  stageIds: z.array(z.string().min(1).max(60)).max(50),
  /** Where the prospect was captured; empty = every source. */
  sources: z.array(z.enum(CAPTURE_SITES)).max(CAPTURE_SITES.length),
  /** Only prospects with this tag. */
  tag: z.string().max(60).optional(),
  /** Only prospects whose next step's date is today or earlier. */
  followUpDue: z.boolean(),
  /** Only prospects with no touch (email, message, call, meeting; not notes) in the last N days. */
  noTouchDays: z.number().int().min(1).max(3650).optional(),
  sort: z.enum(HOME_SORTS),
});
export type HomeFilter = z.infer<typeof HomeFilter>;

export const DEFAULT_FILTER: HomeFilter = { scoreMin: 0, scoreMax: 100, stageIds: [], sources: [], followUpDue: false, sort: 'score' };

/** What the key reads of lib/home/keys.ts found; a set is present only when its filter is on. */
export interface HomeKeys {
  /** Every prospect id per stage id (the stageId index). */
  byStage: Map<string, string[]>;
  /** Lead score per prospect id (absent = not scored yet, counts as 0). */
  scores: Map<string, number>;
  /** sort 'lastTouch': ids with a touch, newest touch first; 'nextStep': ids with a date, soonest first. */
  order?: string[];
  sourceIds?: Set<string>;
  tagIds?: Set<string>;
  /** Prospects whose follow-up date is before the end of today. */
  dueIds?: Set<string>;
  /** Prospects touched since the "no touch for N days" cut. */
  touchedSince?: Set<string>;
}

/** Why a filter is refused, said so a rep can fix it. */
export function checkFilter(f: HomeFilter): string | undefined {
  if (f.scoreMin > f.scoreMax) return `The lowest score (${f.scoreMin}) is above the highest (${f.scoreMax}).`;
  return undefined;
}

function keep(keys: HomeKeys, f: HomeFilter): (id: string) => boolean {
  const scoreLimited = f.scoreMin > 0 || f.scoreMax < 100;
  return (id) => {
    if (scoreLimited) {
      const s = keys.scores.get(id) ?? 0;
      if (s < f.scoreMin || s > f.scoreMax) return false;
    }
    if (keys.sourceIds && !keys.sourceIds.has(id)) return false;
    if (keys.tagIds && !keys.tagIds.has(id)) return false;
    if (keys.dueIds && !keys.dueIds.has(id)) return false;
    if (keys.touchedSince && keys.touchedSince.has(id)) return false;
    return true;
  };
}

/** Score order, highest first, ties by id: a bucket per score (0-100), so 100,000 ids sort in one pass. */
function byScore(ids: string[], scores: Map<string, number>): string[] {
  const buckets: string[][] = Array.from({ length: 101 }, () => []);
  for (const id of ids) buckets[Math.max(0, Math.min(100, Math.round(scores.get(id) ?? 0)))]!.push(id);
  const out: string[] = [];
  for (let s = 100; s >= 0; s--) for (const id of buckets[s]!) out.push(id);
  return out;
}

/** `ids` in the order of `order` (ids missing from it last, in their own order). */
function byOrder(ids: string[], order: string[]): string[] {
  const want = new Set(ids);
  const out: string[] = [];
  for (const id of order) if (want.delete(id)) out.push(id);
  for (const id of ids) if (want.has(id)) out.push(id);
  return out;
}

function sorted(ids: string[], keys: HomeKeys, f: HomeFilter): string[] {
  if (f.sort === 'score' || !keys.order) return byScore(ids, keys.scores);
  return byOrder(ids, keys.order);
}

/**
 * The board: each stage's matching prospect ids in the chosen order, in the team's stage order (a stage left
 * out by the stage filter has no column).
 */
export function boardColumns(keys: HomeKeys, f: HomeFilter, stageOrder: string[]): Array<{ stageId: string; ids: string[] }> {
  const ok = keep(keys, f);
  const stages = f.stageIds.length ? stageOrder.filter((s) => f.stageIds.includes(s)) : stageOrder;
  return stages.map((stageId) => ({ stageId, ids: sorted((keys.byStage.get(stageId) ?? []).filter(ok), keys, f) }));
}

/** The list: every matching prospect id in the chosen order, across the stages the filter keeps. */
export function matchingIds(keys: HomeKeys, f: HomeFilter, stageOrder: string[]): string[] {
  const ok = keep(keys, f);
  const stages = f.stageIds.length ? stageOrder.filter((s) => f.stageIds.includes(s)) : stageOrder;
  const ids = stages.flatMap((s) => (keys.byStage.get(s) ?? []).filter(ok));
  return sorted(ids, keys, f);
}
