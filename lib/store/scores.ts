import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { combineParts, scoreProspect, type ScoreParts, type ScoreResult, type ScoreWeights } from '../process/scoring';
import type { Settings } from '../settings/settings';

/**
 * Everyone's lead score in one row, column by column: `parts` holds fit, engagement, qualification and
 * disqualified (0/1) for prospect `ids[i]` at [4i..4i+3]; `scores[i]` is the score under `weights`. A weight
 * change recombines the parts and writes this single row: IndexedDB writes per row are what make bulk
 * rescoring slow, not the arithmetic.
 */
export interface Scoreboard {
  id: 'all';
  ids: string[];
  parts: Float64Array;
  scores: Uint8Array;
  weights: ScoreWeights;
  at: number;
}

const BOARD = 'all' as const;
const emptyBoard = (weights: ScoreWeights): Scoreboard => ({ id: BOARD, ids: [], parts: new Float64Array(0), scores: new Uint8Array(0), weights, at: 0 });

function partsAt(b: Scoreboard, i: number): ScoreParts {
  return { fit: b.parts[4 * i]!, engagement: b.parts[4 * i + 1]!, qualification: b.parts[4 * i + 2]!, disqualified: b.parts[4 * i + 3] === 1 };
}

function writeParts(b: Scoreboard, i: number, p: ScoreParts): void {
  b.parts.set([p.fit, p.engagement, p.qualification, p.disqualified ? 1 : 0], 4 * i);
  b.scores[i] = combineParts(p, b.weights);
}

/** The score and its facts for one prospect, as of `now`. */
export async function explainScore(db: TouchlineDb, prospect: Prospect, settings: Settings, now = Date.now()): Promise<ScoreResult> {
  const [company, engagement] = await Promise.all([
    prospect.companyId ? db.companies.get(prospect.companyId) : undefined,
    db.engagement.get(prospect.id),
  ]);
  return scoreProspect({ prospect, company, engagement, scoring: settings.scoring, framework: settings.framework, now });
}

/** Recomputes and stores one prospect's score (after an answer, a touch, a new prospect). */
export async function rescoreProspect(db: TouchlineDb, prospectId: string, settings: Settings, now = Date.now()): Promise<ScoreResult | undefined> {
  return db.transaction('rw', db.prospects, db.companies, db.engagement, db.scoreboard, async () => {
    const p = await db.prospects.get(prospectId);
    if (!p) return undefined;
    const result = await explainScore(db, p, settings, now);
    const stored = await db.scoreboard.get(BOARD);
    const board = stored && sameWeights(stored.weights, settings.scoring.weights) ? stored : reweighed(stored, settings.scoring.weights);
    let i = board.ids.indexOf(p.id);
    if (i === -1) {
      i = board.ids.length;
      board.ids.push(p.id);
      board.parts = grow(board.parts, 4 * board.ids.length);
      board.scores = grow(board.scores, board.ids.length);
    }
    writeParts(board, i, result.parts);
    await db.scoreboard.put({ ...board, at: now });
    return result;
  });
}

/** Everyone's stored score by prospect id (for lists and ranking). */
export async function allScores(db: TouchlineDb): Promise<Map<string, number>> {
  const b = await db.scoreboard.get(BOARD);
  return new Map(b ? b.ids.map((id, i) => [id, b.scores[i]!]) : []);
}

export async function scoreOf(db: TouchlineDb, prospectId: string): Promise<number | undefined> {
  const b = await db.scoreboard.get(BOARD);
  const i = b ? b.ids.indexOf(prospectId) : -1;
  return i === -1 ? undefined : b!.scores[i];
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
    const board = emptyBoard(settings.scoring.weights);
    board.ids = prospects.map((p) => p.id);
    board.parts = new Float64Array(4 * prospects.length);
    board.scores = new Uint8Array(prospects.length);
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
    });
    await db.scoreboard.put({ ...board, at: now });
    return { scored: prospects.length };
  });
}

/** After a weight change only: recombines every stored part under the new weights and writes one row. */
export async function reweighAll(db: TouchlineDb, settings: Settings): Promise<{ scored: number; changed: number }> {
  return db.transaction('rw', db.scoreboard, async () => {
    const stored = await db.scoreboard.get(BOARD);
    if (!stored) return { scored: 0, changed: 0 };
    const before = stored.scores.slice();
    const board = reweighed(stored, settings.scoring.weights);
    await db.scoreboard.put(board);
    let changed = 0;
    for (let i = 0; i < before.length; i++) if (before[i] !== board.scores[i]) changed++;
    return { scored: board.ids.length, changed };
  });
}

function reweighed(stored: Scoreboard | undefined, weights: ScoreWeights): Scoreboard {
  if (!stored) return emptyBoard(weights);
  const board: Scoreboard = { ...stored, weights, scores: new Uint8Array(stored.ids.length) };
  for (let i = 0; i < board.ids.length; i++) board.scores[i] = combineParts(partsAt(board, i), weights);
  return board;
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
