import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { combineParts, scoreProspect, type ScoreParts, type ScoreResult, type ScoreWeights } from '../process/scoring';
import type { Settings } from '../settings/settings';
import { buildStageColumn, grownColumn, setStage, validColumn, type StageColumn } from './stage-column';

/**
 * Everyone's lead score, column by column, in three rows: `ids` (prospect ids), `parts` (fit, engagement,
 * qualification, disqualified 0/1 for ids[i] at [4i..4i+3]) and `scores` (scores[i] under `weights`). A weight
 * change reads the parts and writes the scores: two typed arrays, no per-prospect rows and no strings (the
 * id list is the slow one to clone, so it is only written when a prospect joins the board). The 'scores' row
 * also carries the stage column (./stage-column.ts), kept in step by the same writes.
 */
export interface Scoreboard {
  id: 'ids' | 'parts' | 'scores';
  ids?: string[];
  parts?: Float64Array;
  scores?: Uint8Array;
  /** On the 'scores' row: stages[i] indexes stageKeys for ids[i] (./stage-column.ts). */
  stages?: Uint8Array;
  stageKeys?: string[];
  weights?: ScoreWeights;
  at?: number;
}

interface Board {
  ids: string[];
  parts: Float64Array;
  scores: Uint8Array;
  weights: ScoreWeights;
  /** Undefined when the stored row lacks it or it is out of step: rebuilt before the board is written. */
  column: StageColumn | undefined;
}

function partsAt(parts: Float64Array, i: number): ScoreParts {
  return { fit: parts[4 * i]!, engagement: parts[4 * i + 1]!, qualification: parts[4 * i + 2]!, disqualified: parts[4 * i + 3] === 1 };
}

function writeParts(b: Board, i: number, p: ScoreParts): void {
  b.parts.set([p.fit, p.engagement, p.qualification, p.disqualified ? 1 : 0], 4 * i);
  b.scores[i] = combineParts(p, b.weights);
}

/** The stored board, recombined under `weights` when they differ (none given: as stored). */
async function readBoard(db: TouchlineDb, weights?: ScoreWeights): Promise<Board> {
  const [ids, parts, scores] = await db.scoreboard.bulkGet(['ids', 'parts', 'scores']);
  const board: Board = {
    ids: ids?.ids ?? [],
    parts: parts?.parts ?? new Float64Array(0),
    scores: scores?.scores ?? new Uint8Array(0),
    weights: scores?.weights ?? weights ?? { fit: 0, engagement: 0, qualification: 0 },
    column: validColumn(ids?.ids ?? [], scores ?? { scores: new Uint8Array(0), stages: new Uint8Array(0), stageKeys: [] }),
  };
  return !weights || sameWeights(board.weights, weights) ? board : reweighed(board, weights);
}

/** The score and its facts for one prospect, as of `now`. */
export async function explainScore(db: TouchlineDb, prospect: Prospect, settings: Settings, now = Date.now()): Promise<ScoreResult> {
  const [company, engagement] = await Promise.all([
    prospect.companyId ? db.companies.get(prospect.companyId) : undefined,
    db.engagement.get(prospect.id),
  ]);
  return scoreProspect({ prospect, company, engagement, scoring: settings.scoring, framework: settings.framework, now });
}

/** Recomputes and stores one prospect's score. */
export async function rescoreProspect(db: TouchlineDb, prospectId: string, settings: Settings, now = Date.now()): Promise<ScoreResult | undefined> {
  return db.transaction('rw', db.prospects, db.companies, db.engagement, db.scoreboard, async () => {
    return (await rescoreMany(db, [prospectId], settings, now)).get(prospectId);
  });
}

/**
 * Recomputes and stores the scores of these prospects (missing ones are skipped) with one read and one write
 * of the board. Runs in the caller's transaction: the unit of work's score side effect, which passes the rows
 * it saw written (`known`) so only the others are read.
 */
export async function rescoreMany(
  db: TouchlineDb,
  prospectIds: string[],
  settings: Settings,
  now = Date.now(),
  known?: ReadonlyMap<string, Prospect>,
  /** Prospects known to have no engagement row (just created, no touch yet): not read. */
  unengaged?: ReadonlySet<string>,
): Promise<Map<string, ScoreResult>> {
  const results = new Map<string, ScoreResult>();
  const unique = [...new Set(prospectIds)];
  // The rows the unit of work saw written are not read again; rows[i] is unique[i]'s row, or undefined if it is gone.
  const unknown = known ? unique.filter((id) => !known.has(id)) : unique;
  const read = unknown.length ? await db.prospects.bulkGet(unknown) : [];
  const readById = new Map(read.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const rows = unique.map((id) => known?.get(id) ?? readById.get(id));
  const prospects = rows.filter((p): p is Prospect => !!p);
  const board = await readBoard(db, settings.scoring.weights);
  const index = new Map(board.ids.map((id, i) => [id, i]));
  // Ids asked for that no longer exist (merged away, erased): they leave the stage column, not the ids.
  const gone = unique.filter((id, i) => !rows[i] && index.has(id));
  if (!prospects.length && !gone.length && board.column) return results;
  const before = board.ids.length;
  for (const p of prospects) {
    if (index.has(p.id)) continue;
    index.set(p.id, board.ids.length);
    board.ids.push(p.id);
  }
  if (board.column) board.column = board.ids.length > before ? grownColumn(board.column, board.ids.length) : board.column;
  else {
    // Rebuilt from the stageId index; prospects the scoreboard never had join it unscored (0, as before).
    const built = await buildStageColumn(db, board.ids);
    for (const id of built.missing) index.set(id, board.ids.push(id) - 1);
    board.column = built.column;
  }
  const joined = board.ids.length > before;
  if (joined) {
    board.parts = grow(board.parts, 4 * board.ids.length);
    board.scores = grow(board.scores, board.ids.length);
  }
  // Two bulk reads for all of them (one awaited get per prospect made an import batch wait on thousands).
  const companyIds = [...new Set(prospects.flatMap((p) => (p.companyId ? [p.companyId] : [])))];
  const engaged = unengaged?.size ? prospects.filter((p) => !unengaged.has(p.id)) : prospects;
  const [companies, figures] = await Promise.all([
    companyIds.length ? db.companies.bulkGet(companyIds) : [],
    engaged.length ? db.engagement.bulkGet(engaged.map((p) => p.id)) : [],
  ]);
  const companyById = new Map(companies.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const engagementById = new Map(figures.flatMap((e) => (e ? [[e.prospectId, e] as const] : [])));
  prospects.forEach((p) => {
    const company = p.companyId ? companyById.get(p.companyId) : undefined;
    const result = scoreProspect({ prospect: p, company, engagement: engagementById.get(p.id), scoring: settings.scoring, framework: settings.framework, now });
    results.set(p.id, result);
    writeParts(board, index.get(p.id)!, result.parts);
  });
  keepStages(board, index, prospects, gone);
  await db.scoreboard.bulkPut([
    ...(joined ? [{ id: 'ids' as const, ids: board.ids }] : []),
    ...(prospects.length || joined ? [{ id: 'parts' as const, parts: board.parts }] : []),
    scoresRow(board, now),
  ]);
  return results;
}

/** The stage column after these prospects were written and those were removed (dropped if it cannot hold a stage). */
function keepStages(board: Board, index: Map<string, number>, prospects: Prospect[], gone: string[]): void {
  const col = board.column;
  if (!col) return;
  const ok = prospects.every((p) => setStage(col, index.get(p.id)!, p.stageId)) && gone.every((id) => setStage(col, index.get(id)!, undefined));
  if (!ok) board.column = undefined;
}

function scoresRow(board: Board, now: number): Scoreboard {
  return { id: 'scores', scores: board.scores, weights: board.weights, at: now, ...(board.column && { stages: board.column.stages, stageKeys: board.column.stageKeys }) };
}

/**
 * The scoreboard's rows for the home's views: ids, scores and the stage column (undefined when it is missing
 * or out of step; repairStageColumn() rebuilds it). Two rows: inside a liveQuery, they are what it follows.
 */
export async function readScoreColumns(db: TouchlineDb): Promise<{ ids: string[]; scores: Uint8Array; column: StageColumn | undefined }> {
  const [ids, scores] = await db.scoreboard.bulkGet(['ids', 'scores']);
  const list = ids?.ids ?? [];
  const values = scores?.scores && scores.scores.length === list.length ? scores.scores : new Uint8Array(list.length);
  return { ids: list, scores: values, column: validColumn(list, scores) };
}

/**
 * Rebuilds the stage column when it is missing or out of step (after restoring a snapshot that predates it),
 * in one transaction, so the views read it from then on. Scores are not touched.
 */
export async function repairStageColumn(db: TouchlineDb, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.prospects, db.scoreboard, async () => {
    const board = await readBoard(db);
    if (board.column) return false;
    const before = board.ids.length;
    const built = await buildStageColumn(db, board.ids);
    if (!built.column) return false;
    board.ids.push(...built.missing);
    board.column = built.column;
    const joined = board.ids.length > before;
    if (joined) {
      board.parts = grow(board.parts, 4 * board.ids.length);
      board.scores = grow(board.scores, board.ids.length);
    }
    await db.scoreboard.bulkPut([...(joined ? [{ id: 'ids' as const, ids: board.ids }, { id: 'parts' as const, parts: board.parts }] : []), scoresRow(board, now)]);
    return true;
  });
}

/** Everyone's stored score by prospect id (for lists and ranking). */
export async function allScores(db: TouchlineDb): Promise<Map<string, number>> {
  const [ids, scores] = await db.scoreboard.bulkGet(['ids', 'scores']);
  if (!ids?.ids || !scores?.scores) return new Map();
  const values = scores.scores;
  return new Map(ids.ids.map((id, i) => [id, values[i]!]));
}

export async function scoreOf(db: TouchlineDb, prospectId: string): Promise<number | undefined> {
  return (await allScores(db)).get(prospectId);
}

/**
 * Full rescoring, when the facts behind the parts change (the ICP, the framework's questions) and once a day
 * (engagement recency decays): three bulk reads and one write. No touch is read: engagement comes from the
 * per-prospect figures.
 */
export async function rescoreAll(db: TouchlineDb, settings: Settings, now = Date.now()): Promise<{ scored: number }> {
  return db.transaction('rw', db.prospects, db.companies, db.engagement, db.scoreboard, async () => {
    const [prospects, companies, engagement] = await Promise.all([db.prospects.toArray(), db.companies.toArray(), db.engagement.toArray()]);
    const companyById = new Map(companies.map((c) => [c.id, c]));
    const engagementById = new Map(engagement.map((e) => [e.prospectId, e]));
    const board: Board = {
      ids: prospects.map((p) => p.id),
      parts: new Float64Array(4 * prospects.length),
      scores: new Uint8Array(prospects.length),
      weights: settings.scoring.weights,
      column: { stages: new Uint8Array(prospects.length), stageKeys: [] },
    };
    prospects.forEach((p, i) => {
      const { parts } = scoreProspect({
        prospect: p,
        company: p.companyId ? companyById.get(p.companyId) : undefined,
        engagement: engagementById.get(p.id),
        scoring: settings.scoring,
        framework: settings.framework,
        now,
      });
      writeParts(board, i, parts);
      if (board.column && !setStage(board.column, i, p.stageId)) board.column = undefined;
    });
    await db.scoreboard.bulkPut([{ id: 'ids', ids: board.ids }, { id: 'parts', parts: board.parts }, scoresRow(board, now)]);
    return { scored: prospects.length };
  });
}

/** After a weight change only: recombines the stored parts under the new weights; writes the scores row. */
export async function reweighAll(db: TouchlineDb, settings: Settings, now = Date.now()): Promise<{ scored: number; changed: number }> {
  return db.transaction('rw', db.scoreboard, async () => {
    const [parts, scores] = await db.scoreboard.bulkGet(['parts', 'scores']);
    if (!parts?.parts || !scores?.scores || !scores.weights) return { scored: 0, changed: 0 };
    const before = scores.scores;
    const next = reweighed({ ids: [], parts: parts.parts, scores: before, weights: scores.weights, column: undefined }, settings.scoring.weights);
    // The stage column rides on this row: kept as it is.
    await db.scoreboard.put({ ...scores, id: 'scores', scores: next.scores, weights: next.weights, at: now });
    let changed = 0;
    for (let i = 0; i < next.scores.length; i++) if (next.scores[i] !== before[i]) changed++;
    return { scored: next.scores.length, changed };
  });
}

function reweighed(b: Board, weights: ScoreWeights): Board {
  const scores = new Uint8Array(b.scores.length);
  for (let i = 0; i < scores.length; i++) scores[i] = combineParts(partsAt(b.parts, i), weights);
  return { ...b, scores, weights };
}

function sameWeights(a: ScoreWeights, b: ScoreWeights): boolean {
  return a.fit === b.fit && a.engagement === b.engagement && a.qualification === b.qualification;
}

/** A copy one longer (a view on a bigger buffer would be cloned whole into IndexedDB). */
function grow<T extends Float64Array | Uint8Array>(a: T, length: number): T {
  const next = new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
}
