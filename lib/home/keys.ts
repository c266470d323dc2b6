import type { TouchlineDb } from '../db/database';
import { dueWindow } from '../process/reminders';
import { allScores } from '../store/scores';
import type { HomeFilter, HomeKeys } from './filters';

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
 * liveQuery each of these ranges is what the view follows.
 */
export function loadHomeKeys(db: TouchlineDb, f: HomeFilter, ctx: KeysContext): Promise<HomeKeys> {
  // One read transaction: every range is read from the same state, without a transaction per request.
  return db.transaction('r', [db.prospects, db.engagement, db.scoreboard], () => read(db, f, ctx));
}

async function read(db: TouchlineDb, f: HomeFilter, ctx: KeysContext): Promise<HomeKeys> {
  const stages = f.stageIds.length ? ctx.stageIds.filter((s) => f.stageIds.includes(s)) : ctx.stageIds;
  const ids = (p: Promise<unknown>) => p as Promise<string[]>;
  const [perStage, scores, order, sourceIds, tagIds, dueIds, touchedSince] = await Promise.all([
    Promise.all(stages.map((s) => ids(db.prospects.where('stageId').equals(s).primaryKeys()))),
    f.sort === 'score' || f.scoreMin > 0 || f.scoreMax < 100 ? allScores(db) : Promise.resolve(new Map<string, number>()),
    f.sort === 'lastTouch'
      ? ids(db.engagement.orderBy('lastTouchAt').reverse().primaryKeys())
      : f.sort === 'nextStep'
        ? ids(db.prospects.orderBy('followUpAt').primaryKeys())
        : undefined,
    f.sources.length ? ids(db.prospects.where('source.site').anyOf(f.sources).primaryKeys()).then((a) => new Set(a)) : undefined,
    f.tag ? ids(db.prospects.where('tags').equals(f.tag).primaryKeys()).then((a) => new Set(a)) : undefined,
    f.followUpDue ? ids(db.prospects.where('followUpAt').below(dueWindow(ctx.now, ctx.timeZone).todayEnd).primaryKeys()).then((a) => new Set(a)) : undefined,
    f.noTouchDays ? ids(db.engagement.where('lastTouchAt').aboveOrEqual(ctx.now - f.noTouchDays * DAY).primaryKeys()).then((a) => new Set(a)) : undefined,
  ]);
  return { byStage: new Map(stages.map((s, i) => [s, perStage[i]!])), scores, order, sourceIds, tagIds, dueIds, touchedSince };
}

/** The tags in use, for the tag filter's choices (index keys only, each tag once). */
export async function tagsInUse(db: TouchlineDb): Promise<string[]> {
  return (await db.prospects.orderBy('tags').uniqueKeys()) as string[];
}
