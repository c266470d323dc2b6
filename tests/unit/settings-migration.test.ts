import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_STAGES } from '@/lib/process/default-stages';
import { scoringChange } from '@/lib/process/scoring';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { loadSettings, saveSettings, settingsItem } from '@/lib/settings/settings-store';

beforeEach(() => fakeBrowser.reset());

describe('stored settings', () => {
  it('settings stored at v1 are migrated to v2 by the storage item', async () => {
    const v1 = {
      stagesVersion: 2,
      stages: DEFAULT_STAGES.map((s) => ({ ...s, exitCriteria: s.exitCriteria.map(({ auto: _a, ...c }) => c) })),
      lossReasons: ['Price', 'Timing'],
      internalDomains: ['ourco.example'],
      neverCapture: ['ceo@ourco.example'],
    };
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    await settingsItem().migrate();
    const s = await loadSettings();
    expect(s.lossReasons).toEqual(['Price', 'Timing']);
    expect(s.neverCapture).toEqual(['ceo@ourco.example']);
    expect(s.framework.name).toBe('BANT');
    expect(s.reminders).toEqual({ notifications: true, snoozeHour: 9 });
    expect(s.stages[0]!.exitCriteria[1]!.auto).toEqual({ kind: 'reachable' });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
  });

  it('saving refuses invalid settings with what is wrong and keeps the old ones', async () => {
    await saveSettings(DEFAULT_SETTINGS);
    await expect(saveSettings({ ...DEFAULT_SETTINGS, lossReasons: [] })).rejects.toThrow('Settings not saved: lossReasons: Too small');
    expect((await loadSettings()).lossReasons).toEqual(DEFAULT_SETTINGS.lossReasons);
  });

  it('tells a weight change (recombine) from a profile or framework change (full rescoring)', () => {
    const w = { ...DEFAULT_SETTINGS, scoring: { ...DEFAULT_SETTINGS.scoring, weights: { fit: 1, engagement: 1, qualification: 1 } } };
    const icp = { ...DEFAULT_SETTINGS, scoring: { ...DEFAULT_SETTINGS.scoring, icp: { ...DEFAULT_SETTINGS.scoring.icp, titles: ['CTO'] } } };
    const otherLists = { ...DEFAULT_SETTINGS, lossReasons: ['x'] };
    expect(scoringChange(DEFAULT_SETTINGS, otherLists)).toBe('none');
    expect(scoringChange(DEFAULT_SETTINGS, w)).toBe('reweigh');
    expect(scoringChange(DEFAULT_SETTINGS, icp)).toBe('full');
  });

  it('the same settings with their keys in another order change no score', () => {
    // Chrome's storage hands objects back with their keys sorted; a restore or an options save sends them
    // in the schema's order. Compared as JSON text, every save rescored everyone.
    const sortKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, sortKeys(x)])) : v;
    const stored = sortKeys(DEFAULT_SETTINGS) as typeof DEFAULT_SETTINGS;
    expect(JSON.stringify(stored)).not.toBe(JSON.stringify(DEFAULT_SETTINGS));
    expect(scoringChange(stored, DEFAULT_SETTINGS)).toBe('none');
  });
});
