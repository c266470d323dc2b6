import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, Settings, SETTINGS_VERSION, describeSettingsError } from './settings';
import { UserError } from '../store/errors';
import { migrateSettingsV1toV2 } from './migrations';

/**
 * Settings live in extension storage, which the background locks to trusted contexts (extension pages and
 * the service worker): content scripts read them through messaging, so nothing here is visible to a page.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: (old: Record<string, unknown>) => migrateSettingsV1toV2(old) as unknown as Settings },
});

export const sidebarOpenItem = storage.defineItem<boolean>('local:ui.sidebarOpen', { fallback: true });

/** Each site's appearance as the sidebar last saw it: the first paint uses it instead of probing the page's styles. */
export const siteThemeItem = storage.defineItem<Partial<Record<'gmail' | 'linkedin', 'light' | 'dark'>>>('local:ui.siteTheme', { fallback: {} });

/** Stored settings, repaired to defaults field by field if an older or damaged shape is found. */
export async function loadSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const parsed = Settings.safeParse(raw);
  if (parsed.success) return parsed.data;
  return Settings.parse({ ...DEFAULT_SETTINGS, ...pickValid(raw) });
}

function pickValid(raw: unknown): Partial<Settings> {
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(Settings.shape)) {
    const value = (raw as Record<string, unknown>)[key];
    if (field.safeParse(value).success) out[key] = value;
  }
  return out as Partial<Settings>;
}

export async function saveSettings(next: unknown): Promise<Settings> {
  const parsed = Settings.safeParse(next);
  if (!parsed.success) throw new UserError('invalid', `Settings not saved: ${describeSettingsError(parsed.error)}`);
  await settingsItem.setValue(parsed.data);
  return parsed.data;
}
