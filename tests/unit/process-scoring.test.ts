import { describe, expect, it } from 'vitest';
import type { Company, Prospect } from '@/lib/model';
import { BANT, MEDDIC } from '@/lib/process/frameworks';
import { fitRatio, scoreProspect, type Scoring } from '@/lib/process/scoring';
import { seniorityOf } from '@/lib/process/icp';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY = 86_400_000;

const maria: Prospect = {
  id: 'p1',
  name: 'Maria Gomez',
  emails: ['maria.gomez@acme-robotics.example'],
  title: 'VP Operations',
  company: 'Acme Robotics',
  companyId: 'c1',
  source: { site: 'gmail', at: NOW },
  stageId: 'prospecting',
  stageEnteredAt: NOW,
  qualification: {},
  tags: [],
  crmIds: {},
  createdAt: NOW,
  updatedAt: NOW,
};
const acme: Company = { id: 'c1', name: 'Acme Robotics', domain: 'acme-robotics.example', industry: 'Robotics', employees: 140, createdAt: NOW, updatedAt: NOW };

const scoring: Scoring = {
  weights: { fit: 40, engagement: 30, qualification: 30 },
  icp: { industries: ['Robotics'], sizes: ['51-200'], titles: ['Operations'], seniorities: ['vp', 'c-level'], domains: ['acme-robotics.example'] },
};

const score = (over: Partial<Parameters<typeof scoreProspect>[0]> = {}) =>
  scoreProspect({ prospect: maria, company: acme, scoring, framework: BANT, now: NOW, ...over });

const sumOf = (facts: { part: string; points: number }[], part: string) =>
  facts.filter((f) => f.part === part).reduce((s, f) => s + f.points, 0);

describe('lead score', () => {
  it('a perfect fit with no touches and no answers scores exactly the fit weight', () => {
    const r = score();
    expect(r.score).toBe(40);
    expect(sumOf(r.facts, 'fit')).toBeCloseTo(40);
    expect(r.facts.find((f) => f.label === 'Industry Robotics')).toMatchObject({ points: 8, max: 8 });
    expect(r.facts.find((f) => f.label === 'Seniority vp')).toMatchObject({ points: 8 });
  });

  it('each fit fact that misses gives no points and says why', () => {
    const r = score({ company: { ...acme, industry: 'Retail', employees: 5000 }, prospect: { ...maria, title: 'Engineer' } });
    expect(r.facts.filter((f) => f.part === 'fit' && f.points === 0).map((f) => f.label)).toEqual([
      'Title "Engineer" not in profile',
      'Seniority individual not in profile',
      'Industry Retail not in profile',
      'Company size 5000 not in profile',
    ]);
    expect(r.score).toBe(8); // only the domain matches
  });

  it('unknown firmographics count as misses, not as errors', () => {
    const r = score({ company: undefined, prospect: { ...maria, companyId: undefined, title: undefined } });
    expect(r.facts.map((f) => f.label)).toEqual(expect.arrayContaining(['Industry unknown', 'Company size unknown', 'Title unknown', 'Seniority unknown']));
    expect(r.score).toBe(8); // the email domain still matches
  });

  it('engagement: touches, replies and recency each give their share', () => {
    const r = score({ engagement: { prospectId: 'p1', touches: 5, replies: 2, lastTouchAt: NOW - 2 * DAY } });
    expect(sumOf(r.facts, 'engagement')).toBeCloseTo(30);
    expect(r.score).toBe(70);
    const older = score({ engagement: { prospectId: 'p1', touches: 1, replies: 0, lastTouchAt: NOW - 20 * DAY } });
    // 1/5 of the touch slot (9 * 0.2 = 1.8) + half the recency slot (4.5)
    expect(sumOf(older.facts, 'engagement')).toBeCloseTo(6.3);
    const stale = score({ engagement: { prospectId: 'p1', touches: 1, replies: 0, lastTouchAt: NOW - 90 * DAY } });
    expect(stale.facts.find((f) => f.label.startsWith('Last touch'))).toMatchObject({ points: 0, label: 'Last touch 90 day(s) ago' });
  });

  it('qualification: confirmed gives the full slot, partly half', () => {
    const r = score({
      prospect: { ...maria, qualification: { budget: { state: 'confirmed' }, need: { state: 'partly' }, authority: { state: 'unknown' } } },
    });
    expect(r.facts.find((f) => f.label === 'Budget: confirmed')).toMatchObject({ points: 7.5, max: 7.5 });
    expect(r.facts.find((f) => f.label === 'Need: partly')).toMatchObject({ points: 3.8 });
    expect(r.score).toBe(51); // 40 + 7.5 + 3.75 = 51.25
  });

  it('a disqualifying answer sets the score to 0 and names the question', () => {
    const r = score({ prospect: { ...maria, qualification: { budget: { state: 'disqualifying', note: 'frozen until 2028' } } } });
    expect(r.score).toBe(0);
    expect(r.disqualified).toBe(true);
    expect(r.facts.at(-1)!.label).toBe('Budget is disqualifying: score set to 0');
  });

  it('weights re-balance the parts, and a zero weight removes a part', () => {
    const onlyQual = score({ scoring: { ...scoring, weights: { fit: 0, engagement: 0, qualification: 1 } }, prospect: { ...maria, qualification: { budget: { state: 'confirmed' } } } });
    expect(onlyQual.score).toBe(25);
    expect(sumOf(onlyQual.facts, 'fit')).toBe(0);
    const doubleFit = score({ scoring: { ...scoring, weights: { fit: 80, engagement: 10, qualification: 10 } } });
    expect(doubleFit.score).toBe(80);
  });

  it('answers are read against the active framework (MEDDIC ignores BANT answers)', () => {
    const p = { ...maria, qualification: { budget: { state: 'confirmed' as const }, champion: { state: 'confirmed' as const } } };
    const r = score({ prospect: p, framework: MEDDIC });
    expect(r.facts.filter((f) => f.part === 'qualification').map((f) => f.label)).toContain('Champion: confirmed');
    expect(r.score).toBe(45); // 40 + 30/6
  });

  it('with no ICP the fit part says so and gives nothing; the score never leaves 0..100', () => {
    const empty = { ...scoring, icp: { industries: [], sizes: [], titles: [], seniorities: [], domains: [] } };
    const r = score({ scoring: empty });
    expect(r.facts[0]).toMatchObject({ part: 'fit', label: 'No ideal-customer profile set', points: 0 });
    expect(fitRatio(maria, acme, empty.icp)).toBeUndefined();
    const max = score({
      engagement: { prospectId: 'p1', touches: 50, replies: 40, lastTouchAt: NOW + DAY },
      prospect: { ...maria, qualification: Object.fromEntries(BANT.questions.map((q) => [q.id, { state: 'confirmed' as const }])) },
    });
    expect(max.score).toBe(100);
  });

  it('reads seniority from titles', () => {
    expect(['Chief Revenue Officer', 'Head of Sales', 'Sales Director', 'Engineering Manager', 'Analyst', ''].map(seniorityOf)).toEqual([
      'c-level',
      'vp',
      'director',
      'manager',
      'individual',
      undefined,
    ]);
  });
});
