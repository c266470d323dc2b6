import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { combineParts, scoreProspect, type ScoreParts, type ScoreResult } from '../process/scoring';
import type { Settings } from '../settings/settings';

/**
 * A prospect's lead score with the parts it came from. Kept apart from the prospect row: a weight change
 * recombines the stored parts and rewrites only these small rows.
 */
export interface StoredScore extends ScoreParts {
  prospectId: string;
  score: number;
  at: number;
}

const stored = (prospectId: string, r: ScoreResult, now: number): StoredScore => ({ prospectId, ...r.parts, score: r.score, at: now });

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
  return db.transaction('rw', db.prospects, db.companies, db.engagement, db.scores, async () => {
    const p = await db.prospects.get(prospectId);
    if (!p) return undefined;
    const result = await explainScore(db, p, settings, now);
    await db.scores.put(stored(p.id, result, now));
    return result;
  });
}

export async function scoreOf(db: TouchlineDb, prospectId: string): Promise<number | undefined> {
  return (await db.scores.get(prospectId))?.score;
}

/**
 * Full rescoring, when the facts behind the parts change (the ICP, the framework's questions) and once a day
 * (engagement recency decays): three bulk reads, one bulk write of small rows. No touch is read: engagement
 * comes from the per-prospect figures.
 */
export async function rescoreAll(db: TouchlineDb, settings: Settings, now = Date.now()): Promise<{ scored: number }> {
  return db.transaction('rw', db.prospects, db.companies, db.engagement, db.scores, async () => {
    const [prospects, companies, engagement] = await Promise.all([db.prospects.toArray(), db.companies.toArray(), db.engagement.toArray()]);
    const companyById = new Map(companies.map((c) => [c.id, c]));
    const engagementById = new Map(engagement.map((e) => [e.prospectId, e]));
    const rows = prospects.map((p) =>
      stored(
        p.id,
        scoreProspect({
          prospect: p,
          company: p.companyId ? companyById.get(p.companyId) : undefined,
          engagement: engagementById.get(p.id),
          scoring: settings.scoring,
          framework: settings.framework,
          now,
        }),
        now,
      ),
    );
    await db.scores.bulkPut(rows);
    return { scored: rows.length };
  });
}

/** After a weight change only: recombines every stored score's parts under the new weights. */
export async function reweighAll(db: TouchlineDb, settings: Settings): Promise<{ scored: number; changed: number }> {
  return db.transaction('rw', db.scores, async () => {
    const rows = await db.scores.toArray();
    const changed: StoredScore[] = [];
    for (const r of rows) {
      const score = combineParts(r, settings.scoring.weights);
      if (score !== r.score) changed.push({ ...r, score });
    }
    if (changed.length) await db.scores.bulkPut(changed);
    return { scored: rows.length, changed: changed.length };
  });
}
