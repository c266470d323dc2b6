import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, Settings } from '@/lib/settings/settings';
import { loadSettings, saveSettings, settingsItem } from '@/lib/settings/settings-store';

beforeEach(() => fakeBrowser.reset());

describe('validated settings kept across service worker starts (issue 10 §2)', () => {
  it('validates a stored value once; the same value read again is not parsed again', async () => {
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, emailBodyChars: 300 });
    const parse = vi.spyOn(Settings, 'safeParse');
    expect((await loadSettings()).emailBodyChars).toBe(300);
    expect(parse).toHaveBeenCalledTimes(1);
    expect((await loadSettings()).emailBodyChars).toBe(300);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('a stored value changed behind its back (another page, a migration) is validated again', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, emailBodyChars: 300 });
    expect((await loadSettings()).emailBodyChars).toBe(300);
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, emailBodyChars: -5 } as never);
    // Damaged field: repaired to its default, as without the cache.
    expect((await loadSettings()).emailBodyChars).toBe(DEFAULT_SETTINGS.emailBodyChars);
    await settingsItem().setValue({ ...DEFAULT_SETTINGS, emailBodyChars: 40 });
    expect((await loadSettings()).emailBodyChars).toBe(40);
  });

  it('lives in storage.session, out of content scripts\u2019 reach, and never in storage.local', async () => {
    await loadSettings();
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['settings.validated']);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.includes('validated'))).toEqual([]);
  });
});
