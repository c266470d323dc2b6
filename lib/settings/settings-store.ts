import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, Settings, SETTINGS_VERSION, describeSettingsError } from './settings';
import { UserError } from '../store/errors';
import { migrateSettingsV1toV2 } from './migrations';

/**
 * Settings live in extension storage, which the background locks to trusted contexts (extension pages and
 * the service worker): content scripts read them through messaging, so nothing here is visible to a page.
 */
const defineSettingsItem = () =>
  storage.defineItem<Settings>('local:settings', {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: { 2: (old: Record<string, unknown>) => migrateSettingsV1toV2(old) as unknown as Settings },
  });
let item: ReturnType<typeof defineSettingsItem> | undefined;
/**
 * The stored settings item, defined on first use: defining it starts its migration, and this module is also
 * bundled into the data page's worker (through the store), which has no extension storage and never reads
 * settings (the page passes them), so a definition at load failed there with "Migration failed".
 */
export const settingsItem = () => (item ??= defineSettingsItem());

export const sidebarOpenItem = storage.defineItem<boolean>('local:ui.sidebarOpen', { fallback: true });

/** Each site's appearance as the sidebar last saw it: the first paint uses it instead of probing the page's styles. */
export const siteThemeItem = storage.defineItem<Partial<Record<'gmail' | 'linkedin', 'light' | 'dark'>>>('local:ui.siteTheme', { fallback: {} });

/**
 * The last stored settings that were validated, with the exact stored value they came from. Kept in
 * storage.session (memory only, trusted contexts only), so it outlives the service worker: building the
 * Settings schema and parsing with it is 25-95 ms of a cold worker's first answer (measured 2026-12-02 on
 * 2 shared cores), and the stored value rarely changes between two worker starts.
 */
const validatedItem = storage.defineItem<{ source: string; value: Settings } | null>('session:settings.validated', { fallback: null });

/** Stored settings, repaired to defaults field by field if an older or damaged shape is found. */
export async function loadSettings(): Promise<Settings> {
  const [raw, validated] = await Promise.all([settingsItem().getValue(), validatedItem.getValue().catch(() => null)]);
  const source = sourceOf(raw);
  if (validated?.source === source) return validated.value;
  const value = validate(raw);
  await remember(source, value);
  return value;
}

function validate(raw: unknown): Settings {
  const parsed = Settings.safeParse(raw);
  if (parsed.success) return parsed.data;
  return Settings.parse({ ...DEFAULT_SETTINGS, ...pickValid(raw) });
}

// The extension's version is part of the source: an update can change the schema (a new field's default).
// (storage.session is also emptied when the extension updates; this does not rely on it.) Read from the global
// `chrome`, not wxt/browser: this module is also bundled into the data page's worker (through the store), where
// importing the browser polyfill throws at load ("should only be loaded in a browser extension").
const version = () => {
  try {
    return (globalThis as { chrome?: { runtime?: { getManifest?: () => { version: string } } } }).chrome?.runtime?.getManifest?.().version ?? '';
  } catch {
    return '';
  }
};
const sourceOf = (raw: unknown) => `${version()}\n${JSON.stringify(raw)}`;

const remember = (source: string, value: Settings) => validatedItem.setValue({ source, value }).catch(() => undefined);

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
  await settingsItem().setValue(parsed.data);
  await remember(sourceOf(parsed.data), parsed.data);
  return parsed.data;
}
