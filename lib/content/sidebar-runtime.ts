import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PersonView } from '../messaging/contract';
import type { ChangedEvent } from '../messaging/events';
import type { Settings } from '../settings/settings';
import type { Detected } from '../sites/types';
import type { Theme } from './theme';
import type { ValueStore } from './value-store';

/** What the background said about each person on the page, by person key; a missing key is still loading. */
export type KnownPeople = Readonly<Record<string, PersonView | null>>;

/**
 * What a site's small runtime (the content script) hands the sidebar UI when the UI module has loaded:
 * the page as detected, the settings, what the store knows, the open state, and the shadow root to paint.
 */
export interface SidebarRuntime {
  ctx: ContentScriptContext;
  /** The panel (the runtime's `<aside>`, header included); the UI fills its content. */
  panel: HTMLElement;
  page: ValueStore<Detected>;
  settings: ValueStore<Settings>;
  known: ValueStore<KnownPeople>;
  open: ValueStore<boolean>;
  theme: ValueStore<Theme>;
  toggle(): void;
  /** Data changed somewhere (already filtered: it concerns something this page may show). */
  onChanged(listener: (e: ChangedEvent) => void): () => void;
  /** The UI has rendered `content`: it takes the first paint's place in the panel, in one step. */
  handOver(content: HTMLElement): void;
}

export type MountSidebarUi = (runtime: SidebarRuntime) => void;

/** The UI module registers its mount function here (the content script's isolated world, unseen by the page). */
export const UI_REGISTRY = Symbol.for('touchline.sidebar-ui');

export function registerSidebarUi(mount: MountSidebarUi): void {
  (globalThis as Record<symbol, unknown>)[UI_REGISTRY] = mount;
}

export function registeredSidebarUi(): MountSidebarUi | undefined {
  return (globalThis as Record<symbol, unknown>)[UI_REGISTRY] as MountSidebarUi | undefined;
}
