import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '@/lib/settings/settings';
import { loadSettings, saveSettings, settingsItem } from '@/lib/settings/settings-store';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('starts with the default sales process: seven steps, closing won and lost, each open stage with exit criteria', async () => {
    const s = await loadSettings();
    expect(s.stages.map((x) => x.id)).toEqual(DEFAULT_SETTINGS.stages.map((x) => x.id));
    expect(s.stages.filter((x) => x.kind === 'open').every((x) => x.exitCriteria.length > 0)).toBe(true);
    expect(s.stages.map((x) => x.kind)).toContain('won');
    expect(s.stages.map((x) => x.kind)).toContain('lost');
  });

  it('refuses invalid settings with a message that says what is wrong, and keeps the old ones', async () => {
    const bad = { ...DEFAULT_SETTINGS, stages: [DEFAULT_SETTINGS.stages[0], { ...DEFAULT_SETTINGS.stages[0], name: '' }] };
    await expect(saveSettings(bad)).rejects.toThrow(/stages/);
    const dup = { ...DEFAULT_SETTINGS, stages: [DEFAULT_SETTINGS.stages[0], DEFAULT_SETTINGS.stages[0]] };
    await expect(saveSettings(dup)).rejects.toThrow(/unique/);
    expect((await loadSettings()).stages).toHaveLength(DEFAULT_SETTINGS.stages.length);
  });

  it('saves an edited process and repairs a damaged stored value field by field', async () => {
    const edited = { ...DEFAULT_SETTINGS, internalDomains: ['ourco-partner.example'] };
    await saveSettings(edited);
    expect((await loadSettings()).internalDomains).toEqual(['ourco-partner.example']);
    await settingsItem().setValue({ ...edited, lossReasons: 'not a list' } as never);
    const repaired = await loadSettings();
    expect(repaired.lossReasons).toEqual(DEFAULT_SETTINGS.lossReasons);
    expect(repaired.internalDomains).toEqual(['ourco-partner.example']);
  });
});
