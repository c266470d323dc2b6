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

/** Prospect ids with their lead scores beside them: scores[i] is ids[i]'s (0 = not scored yet). */
export interface Ranked {
  ids: string[];
  scores: ArrayLike<number>;
}

/** What the key reads of lib/home/keys.ts found; a set is present only when its filter is on. */
export interface HomeKeys {
  /** Every prospect id per stage id, each list with its scores. */
  byStage: Map<string, Ranked>;
  /** Each stage's list is already highest score first (ties in a fixed order), so a score sort is free. */
  ranked: boolean;
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

/** The test a prospect must pass, or undefined when the filter keeps everyone (no copy needed). */
function keep(keys: HomeKeys, f: HomeFilter): ((id: string, score: number) => boolean) | undefined {
  const scoreLimited = f.scoreMin > 0 || f.scoreMax < 100;
  const { sourceIds, tagIds, dueIds, touchedSince } = keys;
  if (!scoreLimited && !sourceIds && !tagIds && !dueIds && !touchedSince) return undefined;
  return (id, s) => {
    if (scoreLimited && (s < f.scoreMin || s > f.scoreMax)) return false;
    if (sourceIds && !sourceIds.has(id)) return false;
    if (tagIds && !tagIds.has(id)) return false;
    if (dueIds && !dueIds.has(id)) return false;
    if (touchedSince && touchedSince.has(id)) return false;
    return true;
  };
}

function kept(list: Ranked, ok: ((id: string, score: number) => boolean) | undefined): Ranked {
  if (!ok) return list;
  const ids: string[] = [];
  const scores: number[] = [];
  list.ids.forEach((id, i) => {
    const s = list.scores[i]!;
    if (ok(id, s)) {
      ids.push(id);
      scores.push(s);
    }
  });
  return { ids, scores };
}

/** Score order, highest first, ties in their order here: a bucket per score (0-100), so 100,000 ids sort in one pass. */
export function byScore(list: Ranked): Ranked {
  const buckets: number[][] = Array.from({ length: 101 }, () => []);
  for (let i = 0; i < list.ids.length; i++) buckets[Math.max(0, Math.min(100, Math.round(list.scores[i]!)))]!.push(i);
  const ids: string[] = [];
  const scores: number[] = [];
  for (let s = 100; s >= 0; s--)
    for (const i of buckets[s]!) {
      ids.push(list.ids[i]!);
      scores.push(list.scores[i]!);
    }
  return { ids, scores };
}

/** `list` in the order of `order` (ids missing from it last, in their own order). */
function byOrder(list: Ranked, order: string[]): Ranked {
  const at = new Map(list.ids.map((id, i) => [id, i]));
  const ids: string[] = [];
  const scores: number[] = [];
  const take = (i: number) => {
    ids.push(list.ids[i]!);
    scores.push(list.scores[i]!);
  };
  for (const id of order) {
    const i = at.get(id);
    if (i === undefined) continue;
    at.delete(id);
    take(i);
  }
  for (const i of at.values()) take(i);
  return { ids, scores };
}

function sorted(list: Ranked, keys: HomeKeys, f: HomeFilter): Ranked {
  if (f.sort === 'score' || !keys.order) return keys.ranked ? list : byScore(list);
  return byOrder(list, keys.order);
}

const NONE: Ranked = { ids: [], scores: [] };
const shown = (f: HomeFilter, stageOrder: string[]) => (f.stageIds.length ? stageOrder.filter((s) => f.stageIds.includes(s)) : stageOrder);

/**
 * The board: each stage's matching prospect ids (with their scores) in the chosen order, in the team's stage
 * order (a stage left out by the stage filter has no column). With the default filter and ranked keys the
 * lists are the keys' own (no copy), so a view can tell an unchanged column by identity.
 */
export function boardColumns(keys: HomeKeys, f: HomeFilter, stageOrder: string[]): Array<{ stageId: string } & Ranked> {
  const ok = keep(keys, f);
  return shown(f, stageOrder).map((stageId) => ({ stageId, ...sorted(kept(keys.byStage.get(stageId) ?? NONE, ok), keys, f) }));
}

/**
 * The list: every matching prospect in the chosen order, across the stages the filter keeps. By score, the
 * stages' ranked lists are merged score by score (ties by stage order, then each list's order).
 */
export function matchingRanked(keys: HomeKeys, f: HomeFilter, stageOrder: string[]): Ranked {
  const ok = keep(keys, f);
  const lists = shown(f, stageOrder).map((s) => kept(keys.byStage.get(s) ?? NONE, ok));
  if (f.sort !== 'score' && keys.order) return byOrder(concat(lists), keys.order);
  if (!keys.ranked) return byScore(concat(lists));
  const total = lists.reduce((n, l) => n + l.ids.length, 0);
  const ids = new Array<string>(total);
  const scores = new Uint8Array(total);
  const at = lists.map(() => 0);
  let n = 0;
  for (let s = 100; s >= 0; s--)
    lists.forEach((l, k) => {
      let i = at[k]!;
      while (i < l.ids.length && l.scores[i]! >= s) {
        ids[n] = l.ids[i]!;
        scores[n++] = l.scores[i]!;
        i++;
      }
      at[k] = i;
    });
  return { ids, scores };
}

function concat(lists: Ranked[]): Ranked {
  return { ids: lists.flatMap((l) => l.ids), scores: lists.flatMap((l) => Array.from(l.scores)) };
}

/** The ids of matchingRanked(). */
export function matchingIds(keys: HomeKeys, f: HomeFilter, stageOrder: string[]): string[] {
  return matchingRanked(keys, f, stageOrder).ids;
}
