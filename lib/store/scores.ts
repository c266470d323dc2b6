import type { TouchlineDb } from '../db/database';
import type { Prospect } from '../model';
import { scoreProspect, type ScoreResult } from '../process/scoring';
import type { Settings } from '../settings/settings';

/** The score and its facts for one prospect, as of `now`. */
export async function explainScore(db: TouchlineDb, prospect: Prospect, settings: Settings, now = Date.now()): Promise<ScoreResult> {
  const [company, engagement] = await Promise.all([
    prospect.companyId ? db.companies.get(prospect.companyId) : undefined,
    db.engagement.get(prospect.id),
  ]);
  return scoreProspect({ prospect, company, engagement, scoring: settings.scoring, framework: settings.framework, now });
}

/** Recomputes and stores one prospect's score. Not a rep edit, so `updatedAt` stays. */
export async function rescoreProspect(db: TouchlineDb, prospectId: string, settings: Settings, now = Date.now()): Promise<ScoreResult | undefined> {
  return db.transaction('rw', db.prospects, db.companies, db.engagement, async () => {
    const p = await db.prospects.get(prospectId);
    if (!p) return undefined;
    const result = await explainScore(db, p, settings, now);
    if (p.score !== result.score) await db.prospects.update(p.id, { score: result.score });
    return result;
  });
}

/**
 * Rescores everyone after a weight, ICP or framework change: three bulk reads, one bulk write of the rows
 * whose score moved. Engagement comes from the per-prospect figures, so no touch is read.
 */
export async function rescoreAll(db: TouchlineDb, settings: Settings, now = Date.now()): Promise<{ scored: number; changed: number }> {
  return db.transaction('rw', db.prospects, db.companies, db.engagement, async () => {
    const [prospects, companies, engagement] = await Promise.all([db.prospects.toArray(), db.companies.toArray(), db.engagement.toArray()]);
    const companyById = new Map(companies.map((c) => [c.id, c]));
    const engagementById = new Map(engagement.map((e) => [e.prospectId, e]));
    const changed: Prospect[] = [];
    for (const p of prospects) {
      const { score } = scoreProspect({
        prospect: p,
        company: p.companyId ? companyById.get(p.companyId) : undefined,
        engagement: engagementById.get(p.id),
        scoring: settings.scoring,
        framework: settings.framework,
        now,
      });
      if (p.score !== score) changed.push({ ...p, score });
    }
    if (changed.length) await db.prospects.bulkPut(changed);
    return { scored: prospects.length, changed: changed.length };
  });
}
