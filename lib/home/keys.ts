import type { TouchlineDb } from '../db/database';
import { dueWindow } from '../process/reminders';
import { allScores } from '../store/scores';
import type { HomeFilter, HomeKeys } from './filters';
import { readIndexKeys, type KeyRead } from './index-keys';

const DAY = 86_400_000;

export interface KeysContext {
  now: number;
  timeZone: string;
  /** The team's stage ids in order. */
  stageIds: string[];
}

/**
 * Reads what `filter` needs from Dexie indexes, as primary keys only: the prospects of each stage (stageId),
 * the scores (three scoreboard rows), and, only when their filter or sort is on, the ids with a tag (*tags),
 * from a source (source.site), due for follow-up (followUpAt), touched recently or ordered by last touch
 * (engagement.lastTouchAt) or by next-step date (followUpAt). No prospect row is read here; inside a
 * liveQuery each of these ranges is what the view follows (./index-keys.ts reads them without Dexie's
 * per-key cost).
 */
export async function loadHomeKeys(db: TouchlineDb, f: HomeFilter, ctx: KeysContext): Promise<HomeKeys> {
  const stages = f.stageIds.length ? ctx.stageIds.filter((s) => f.stageIds.includes(s)) : ctx.stageIds;
  const reads: KeyRead[] = stages.map((s) => ({ table: 'prospects', index: 'stageId', range: { equals: s } }));
  const more = (read: KeyRead) => reads.push(read) - 1;
  const order =
    f.sort === 'lastTouch'
      ? more({ table: 'engagement', index: 'lastTouchAt', range: { all: true }, reverse: true })
      : f.sort === 'nextStep'
        ? more({ table: 'prospects', index: 'followUpAt', range: { all: true } })
        : -1;
  const sources = f.sources.map((site) => more({ table: 'prospects', index: 'source.site', range: { equals: site } }));
  const tag = f.tag ? more({ table: 'prospects', index: 'tags', range: { equals: f.tag } }) : -1;
  const due = f.followUpDue ? more({ table: 'prospects', index: 'followUpAt', range: { below: dueWindow(ctx.now, ctx.timeZone).todayEnd } }) : -1;
  const touched = f.noTouchDays ? more({ table: 'engagement', index: 'lastTouchAt', range: { atLeast: ctx.now - f.noTouchDays * DAY } }) : -1;
  // Both start before either is awaited, so both run in the caller's liveQuery.
  const scores = f.sort === 'score' || f.scoreMin > 0 || f.scoreMax < 100 ? allScores(db) : Promise.resolve(new Map<string, number>());
  const keys = readIndexKeys(db, reads);
  const found = await keys;
  const set = (i: number) => (i < 0 ? undefined : new Set(found[i]));
  return {
    byStage: new Map(stages.map((s, i) => [s, found[i]!])),
    scores: await scores,
    order: order < 0 ? undefined : found[order],
    sourceIds: sources.length ? new Set(sources.flatMap((i) => found[i]!)) : undefined,
    tagIds: set(tag),
    dueIds: set(due),
    touchedSince: set(touched),
  };
}

/** The tags in use, for the tag filter's choices (index keys only, each tag once). */
export async function tagsInUse(db: TouchlineDb): Promise<string[]> {
  return (await db.prospects.orderBy('tags').uniqueKeys()) as string[];
}
