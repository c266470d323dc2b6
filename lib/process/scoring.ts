import { dequal } from 'dequal';
import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import type { Company, Prospect } from '../model';
import type { Framework } from './frameworks';
import { domainMatches, Icp, seniorityOf, sizeInBand } from './icp';

export const ScoreWeights = lazySchema(() =>
  z
    .object({
      fit: z.number().int().min(0).max(100),
      engagement: z.number().int().min(0).max(100),
      qualification: z.number().int().min(0).max(100),
    })
    .refine((w) => w.fit + w.engagement + w.qualification > 0, 'At least one score weight must be above 0'),
);
export type ScoreWeights = z.infer<typeof ScoreWeights>;

export const Scoring = lazySchema(() => z.object({ weights: ScoreWeights, icp: Icp }));
export type Scoring = z.infer<typeof Scoring>;

/** Per-prospect touch figures, kept up to date as touches are logged (see lib/store/engagement.ts). */
export interface Engagement {
  prospectId: string;
  touches: number;
  replies: number;
  lastTouchAt?: number;
}

export type ScorePart = 'fit' | 'engagement' | 'qualification';

/** One fact and the points it gave: the "why" a rep can read. */
export interface ScoreFact {
  part: ScorePart;
  label: string;
  points: number;
  max: number;
}

/** Each part as a share 0..1 of its weight: what is stored, so a weight change needs no other data. */
export interface ScoreParts {
  fit: number;
  engagement: number;
  qualification: number;
  disqualified: boolean;
}

export interface ScoreResult {
  score: number;
  disqualified: boolean;
  facts: ScoreFact[];
  parts: ScoreParts;
}

/** The score from its parts under the given weights (the same number `scoreProspect` gives). */
export function combineParts(parts: ScoreParts, w: ScoreWeights): number {
  if (parts.disqualified) return 0;
  const total = w.fit + w.engagement + w.qualification;
  const exact = (100 * (w.fit * parts.fit + w.engagement * parts.engagement + w.qualification * parts.qualification)) / total;
  return Math.max(0, Math.min(100, Math.round(exact + 1e-9)));
}

interface PartShare {
  label: string;
  /** The share of its part this fact can give (slots of a part sum to 1). */
  slot: number;
  /** The share it gave, 0..slot. */
  got: number;
}

const DAY = 86_400_000;

function fitShares(p: Prospect, company: Company | undefined, icp: Icp): PartShare[] {
  const checks: Array<{ label: string; ok: boolean }> = [];
  const title = p.title ?? p.headline;
  const text = [p.title, p.headline].filter(Boolean).join(' ').toLowerCase();
  if (icp.titles.length) {
    const hit = icp.titles.find((t) => text.includes(t.toLowerCase()));
    checks.push({ ok: !!hit, label: hit ? `Title matches "${hit}"` : title ? `Title "${title}" not in profile` : 'Title unknown' });
  }
  if (icp.seniorities.length) {
    const s = seniorityOf(title);
    checks.push({ ok: !!s && icp.seniorities.includes(s), label: s ? `Seniority ${s}${icp.seniorities.includes(s) ? '' : ' not in profile'}` : 'Seniority unknown' });
  }
  if (icp.industries.length) {
    const ind = company?.industry;
    const ok = !!ind && icp.industries.some((i) => i.toLowerCase() === ind.toLowerCase());
    checks.push({ ok, label: ind ? `Industry ${ind}${ok ? '' : ' not in profile'}` : 'Industry unknown' });
  }
  if (icp.sizes.length) {
    const n = company?.employees;
    const band = n === undefined ? undefined : icp.sizes.find((b) => sizeInBand(n, b));
    checks.push({ ok: !!band, label: n === undefined ? 'Company size unknown' : band ? `Company size ${n} (${band})` : `Company size ${n} not in profile` });
  }
  if (icp.domains.length) {
    const domains = [...p.emails.map((e) => e.split('@')[1] ?? ''), company?.domain ?? ''].filter(Boolean);
    const hit = domains.find((d) => icp.domains.some((want) => domainMatches(d, want)));
    checks.push({ ok: !!hit, label: hit ? `Domain ${hit}` : domains.length ? `Domain ${domains[0]} not in profile` : 'Domain unknown' });
  }
  return checks.map((c) => ({ label: c.label, slot: 1 / checks.length, got: c.ok ? 1 / checks.length : 0 }));
}

function engagementShares(e: Engagement | undefined, now: number): PartShare[] {
  const touches = e?.touches ?? 0;
  const replies = e?.replies ?? 0;
  const age = e?.lastTouchAt === undefined ? Infinity : Math.max(0, now - e.lastTouchAt);
  const recency = age <= 7 * DAY ? 1 : age <= 30 * DAY ? 0.5 : 0;
  return [
    { label: `${touches} touch${touches === 1 ? '' : 'es'} (5 or more for full points)`, slot: 0.3, got: Math.min(touches / 5, 1) * 0.3 },
    { label: `${replies} repl${replies === 1 ? 'y' : 'ies'} received (2 or more for full points)`, slot: 0.4, got: Math.min(replies / 2, 1) * 0.4 },
    { label: age === Infinity ? 'No touch yet' : `Last touch ${Math.floor(age / DAY)} day(s) ago`, slot: 0.3, got: recency * 0.3 },
  ];
}

const ANSWER_SHARE = { unknown: 0, partly: 0.5, confirmed: 1, disqualifying: 0 } as const;

function qualificationShares(p: Prospect, framework: Framework): PartShare[] {
  const slot = 1 / framework.questions.length;
  return framework.questions.map((q) => {
    const state = p.qualification[q.id]?.state ?? 'unknown';
    return { label: `${q.label}: ${state}`, slot, got: ANSWER_SHARE[state] * slot };
  });
}

/**
 * The lead score, 0-100, and the facts behind it. Each part (fit, engagement, qualification) is worth its
 * weight's share of 100; inside a part each fact has a fixed slot. A disqualifying answer sets the score to 0
 * (it is a "no", whatever else is true), and the facts say so.
 */
export function scoreProspect(input: {
  prospect: Prospect;
  company?: Company;
  engagement?: Engagement;
  scoring: Scoring;
  framework: Framework;
  now: number;
}): ScoreResult {
  const { prospect, scoring, framework, now } = input;
  const w = scoring.weights;
  const total = w.fit + w.engagement + w.qualification;
  const facts: ScoreFact[] = [];
  const add = (part: ScorePart, weight: number, shares: PartShare[]): number => {
    const partMax = (100 * weight) / total;
    for (const s of shares) facts.push({ part, label: s.label, points: round1(partMax * s.got), max: round1(partMax * s.slot) });
    return shares.reduce((sum, s) => sum + s.got, 0);
  };
  const fitFacts = fitShares(prospect, input.company, scoring.icp);
  const fit = fitFacts.length ? add('fit', w.fit, fitFacts) : 0;
  if (!fitFacts.length) facts.push({ part: 'fit', label: 'No ideal-customer profile set', points: 0, max: round1((100 * w.fit) / total) });
  const engagement = add('engagement', w.engagement, engagementShares(input.engagement, now));
  const qualification = add('qualification', w.qualification, qualificationShares(prospect, framework));

  const disqualifiedBy = framework.questions.find((q) => prospect.qualification[q.id]?.state === 'disqualifying');
  const parts: ScoreParts = { fit, engagement, qualification, disqualified: !!disqualifiedBy };
  if (disqualifiedBy) facts.push({ part: 'qualification', label: `${disqualifiedBy.label} is disqualifying: score set to 0`, points: 0, max: 0 });
  return { score: combineParts(parts, w), disqualified: parts.disqualified, facts, parts };
}

/** The fit part alone, 0..1 (exit criteria such as "fits the ICP" use it); undefined when no ICP is set. */
export function fitRatio(prospect: Prospect, company: Company | undefined, icp: Icp): number | undefined {
  const shares = fitShares(prospect, company, icp);
  if (!shares.length) return undefined;
  return shares.reduce((s, x) => s + x.got, 0);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * What a settings change does to scores: `reweigh` when only weights moved (stored parts are recombined),
 * `full` when the profile or the framework's questions changed (the parts themselves change), else `none`.
 */
export function scoringChange(a: { scoring: Scoring; framework: Framework }, b: { scoring: Scoring; framework: Framework }): 'none' | 'reweigh' | 'full' {
  // By value, not by JSON text: settings read back from extension storage come with their keys sorted, so
  // the same profile would print differently and every save rescored everyone.
  const facts = (x: typeof a) => [x.scoring.icp, x.framework.questions.map((q) => q.id)];
  if (!dequal(facts(a), facts(b))) return 'full';
  return dequal(a.scoring.weights, b.scoring.weights) ? 'none' : 'reweigh';
}
