import type { TouchlineDb } from '../db/database';
import { dueWindow } from '../process/reminders';
import { readScoreColumns } from '../store/scores';
import { NO_STAGE, type StageColumn } from '../store/stage-column';
import { byScore, type HomeFilter, type HomeKeys, type Ranked } from './filters';
import { readIndexKeys, type KeyRead } from './index-keys';

const DAY = 86_400_000;

export interface KeysContext {
  now: number;
  timeZone: string;
  /** The team's stage ids in order. */
  stageIds: string[];
}

/**
 * Reads what `filter` needs: each stage's prospects ranked by score from the scoreboard's two rows (ids, and
 * the scores with the stage column beside them: lib/store/stage-column.ts), and, only when their filter or
 * sort is on, the ids with a tag (*tags), from a source (source.site), due for follow-up (followUpAt),
 * touched recently or ordered by last touch (engagement.lastTouchAt) or by next-step date (followUpAt), as
 * index keys. No prospect row is read here. Inside a liveQuery these rows and ranges are what the view
 * follows: every write that changes a prospect rewrites the scores row in its transaction.
 *
 * `stale` says the stage column was missing or out of step (a snapshot restored from before it): the stages
 * then come from the stageId index joined to the scores by id (slower), and the view asks for a repair.
 */
export async function loadHomeKeys(db: TouchlineDb, f: HomeFilter, ctx: KeysContext): Promise<HomeKeys & { stale?: boolean }> {
  const stages = f.stageIds.length ? ctx.stageIds.filter((s) => f.stageIds.includes(s)) : ctx.stageIds;
  const reads: KeyRead[] = [];
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
  const columns = readScoreColumns(db);
  const keys = readIndexKeys(db, reads);
  const board = await columns;
  const byStage = board.column ? rankedStages(board.ids, board.scores, board.column, stages) : await joinedStages(db, board.ids, board.scores, stages);
  const found = await keys;
  const set = (i: number) => (i < 0 ? undefined : new Set(found[i]));
  return {
    byStage,
    ranked: true,
    order: order < 0 ? undefined : found[order],
    sourceIds: sources.length ? new Set(sources.flatMap((i) => found[i]!)) : undefined,
    tagIds: set(tag),
    dueIds: set(due),
    touchedSince: set(touched),
    ...(!board.column && { stale: true }),
  };
}

/**
 * Each stage's people, highest score first (ties in scoreboard order, the order they joined it), from the
 * stage column: a counting sort over the typed arrays, no per-id map.
 */
export function rankedStages(ids: readonly string[], scores: Uint8Array, column: StageColumn, stages: readonly string[]): Map<string, Ranked> {
  const wanted = new Int16Array(column.stageKeys.length).fill(-1);
  stages.forEach((s, k) => {
    const code = column.stageKeys.indexOf(s);
    if (code >= 0) wanted[code] = k;
  });
  const { stages: codes } = column;
  const per = stages.map(() => new Array<number>(101).fill(0));
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i] === NO_STAGE ? -1 : wanted[codes[i]!]!;
    if (k >= 0) per[k]![scores[i]!]!++;
  }
  // Start of each score's run in each stage's list, highest score first.
  const lists = per.map((counts) => {
    const start = new Array<number>(101);
    let n = 0;
    for (let s = 100; s >= 0; s--) {
      start[s] = n;
      n += counts[s]!;
    }
    return { start, ids: new Array<string>(n), scores: new Uint8Array(n) };
  });
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i] === NO_STAGE ? -1 : wanted[codes[i]!]!;
    if (k < 0) continue;
    const l = lists[k]!;
    const s = scores[i]!;
    const at = l.start[s]!++;
    l.ids[at] = ids[i]!;
    l.scores[at] = s;
  }
  return new Map(stages.map((s, k) => [s, { ids: lists[k]!.ids, scores: lists[k]!.scores }]));
}

/** Without the stage column: each stage's keys from the stageId index, scored through a map of the scoreboard, ranked. */
async function joinedStages(db: TouchlineDb, ids: readonly string[], scores: Uint8Array, stages: readonly string[]): Promise<Map<string, Ranked>> {
  const lists = await readIndexKeys(
    db,
    stages.map((s) => ({ table: 'prospects', index: 'stageId', range: { equals: s } })),
  );
  const score = new Map(ids.map((id, i) => [id, scores[i]!]));
  return new Map(stages.map((s, k) => [s, byScore({ ids: lists[k]!, scores: lists[k]!.map((id) => score.get(id) ?? 0) })]));
}

/** The tags in use, for the tag filter's choices (index keys only, each tag once). */
export async function tagsInUse(db: TouchlineDb): Promise<string[]> {
  return (await db.prospects.orderBy('tags').uniqueKeys()) as string[];
}
