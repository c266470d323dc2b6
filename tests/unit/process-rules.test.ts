import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '@/lib/process/default-stages';
import { checkMove } from '@/lib/process/stage-rules';
import { badgeText, countDue } from '@/lib/process/reminders';
import { DEFAULT_SETTINGS, Settings, describeSettingsError } from '@/lib/settings/settings';
import { migrateSettingsV1toV2 } from '@/lib/settings/migrations';
import { MEDDIC } from '@/lib/process/frameworks';

const unmetAll = (s: { exitCriteria: { label: string }[] }) => s.exitCriteria.map((c) => c.label);

describe('stage rules', () => {
  it('forward with unmet criteria needs a reason; with all met it does not', () => {
    expect(checkMove(DEFAULT_STAGES, 'prospecting', 'qualification', unmetAll)).toMatchObject({ direction: 'forward', needsReason: true, unmet: ['Fits the ICP (industry, size, role)', 'A way to reach them is known'] });
    expect(checkMove(DEFAULT_STAGES, 'prospecting', 'qualification', () => [])).toMatchObject({ needsReason: false, unmet: [] });
  });
  it('closing as lost asks for a loss reason, not a reason; won with unmet closing criteria asks a reason', () => {
    expect(checkMove(DEFAULT_STAGES, 'approach', 'lost', unmetAll)).toEqual({ direction: 'forward', unmet: [], needsReason: false, needsLossReason: true });
    expect(checkMove(DEFAULT_STAGES, 'closing', 'won', unmetAll)).toMatchObject({ needsReason: true, unmet: ['Signed, or a loss reason recorded'] });
  });
  it('backward and same-stage moves need nothing', () => {
    expect(checkMove(DEFAULT_STAGES, 'discovery', 'prospecting', unmetAll)).toEqual({ direction: 'backward', unmet: [], needsReason: false, needsLossReason: false });
    expect(checkMove(DEFAULT_STAGES, 'discovery', 'discovery', unmetAll).direction).toBe('same');
  });
  it('a prospect in a stage the team has since removed can move anywhere as "forward"', () => {
    expect(checkMove(DEFAULT_STAGES, 'old-stage', 'qualification', unmetAll)).toMatchObject({ direction: 'forward', unmet: ['Fits the ICP (industry, size, role)', 'A way to reach them is known'] });
  });
});

describe('reminder counting', () => {
  const tz = 'America/New_York';
  const now = Date.parse('2026-11-23T15:00:00Z'); // 10:00 in New York
  it('splits open tasks into overdue and due today by the local day', () => {
    const tasks = [
      { due: Date.parse('2026-11-23T04:59:00Z'), done: 0 as const }, // 23:59 on the 22nd: overdue
      { due: Date.parse('2026-11-23T05:00:00Z'), done: 0 as const }, // 00:00 on the 23rd: today
      { due: Date.parse('2026-11-24T04:59:59Z'), done: 0 as const }, // 23:59:59 today
      { due: Date.parse('2026-11-24T05:00:00Z'), done: 0 as const }, // tomorrow
      { due: Date.parse('2026-11-20T05:00:00Z'), done: 1 as const }, // done
    ];
    expect(countDue(tasks, now, tz)).toEqual({ overdue: 1, today: 2 });
    expect(badgeText({ overdue: 1, today: 2 })).toBe('3');
    expect(badgeText({ overdue: 0, today: 0 })).toBe('');
    expect(badgeText({ overdue: 100, today: 0 })).toBe('99+');
  });
});

describe('settings', () => {
  it('v1 settings migrate to v2: defaults added, kept default criteria become met by data, edited ones stay', () => {
    const v1 = {
      stagesVersion: 3,
      stages: DEFAULT_STAGES.map((s) => ({ ...s, exitCriteria: s.exitCriteria.map(({ auto: _auto, ...c }) => c) })).concat([
        { id: 'pilot', name: 'Pilot', kind: 'open', exitCriteria: [{ id: 'need', label: 'Pilot agreed' }] },
      ]),
      lossReasons: ['Price'],
      internalDomains: ['ourco.example'],
      neverCapture: [],
    };
    const migrated = Settings.parse(migrateSettingsV1toV2(v1));
    expect(migrated.lossReasons).toEqual(['Price']);
    expect(migrated.framework.id).toBe('bant');
    expect(migrated.cadences).toEqual(DEFAULT_SETTINGS.cadences);
    expect(migrated.stages.find((s) => s.id === 'qualification')!.exitCriteria[0]!.auto).toEqual({ kind: 'answer', questionId: 'need', states: ['partly', 'confirmed'] });
    expect(migrated.stages.find((s) => s.id === 'pilot')!.exitCriteria[0]!.auto).toBeUndefined();
  });

  it('invalid settings are refused with a message that says what is wrong', () => {
    const bad = Settings.safeParse({
      ...DEFAULT_SETTINGS,
      scoring: { ...DEFAULT_SETTINGS.scoring, weights: { fit: 0, engagement: 0, qualification: 0 }, icp: { ...DEFAULT_SETTINGS.scoring.icp, sizes: ['big'] } },
      framework: { ...MEDDIC, questions: [...MEDDIC.questions, MEDDIC.questions[0]!] },
      cadences: [{ id: 'x', name: 'X', steps: [{ day: 3, kind: 'email', title: 'A' }, { day: 1, kind: 'call', title: 'B' }] }],
    });
    expect(bad.success).toBe(false);
    const msg = describeSettingsError(bad.error!);
    expect(msg).toContain('framework.questions: Question ids must be unique');
    expect(msg).toContain('scoring.weights: At least one score weight must be above 0');
    expect(msg).toContain('scoring.icp.sizes.0: Company sizes look like "51-200" or "1000+"');
    expect(msg).toContain('cadences.0.steps: Cadence steps must be in day order');
  });
});
