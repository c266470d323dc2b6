import { createRoot } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging/client';
import { asBackgroundEvent, CHANGED_EVENT } from '@/lib/messaging/events';
import { reserveSpace } from '@/lib/content/layout';
import { detectTheme } from '@/lib/content/theme';
import type { Settings } from '@/lib/settings/settings';
import type { Detected } from '@/lib/sites/types';
import { createValueStore, type ValueStore } from '../ui/value-store';
import { SIDEBAR_WIDTH, SidebarShell } from './SidebarShell';
import './sidebar.css';

export interface SiteBinding {
  detect(doc: Document, url: string, settings: Settings): Detected;
  /** A site's own way to notice page changes; the generic watcher otherwise. */
  /** Calls onChange when the page may show other people (each site knows where to look). */
  watch(ctx: ContentScriptContext, onChange: () => void): void;
  /** CSS for page elements the reserved margin does not move (Gmail's fixed compose popups). */
  layoutCss?: (widthPx: number) => string;
  /** Site features that run beside the sidebar (Gmail: auto-logging, inbox stage chips), stopped with ctx. */
  start?: (ctx: ContentScriptContext, stores: { page: ValueStore<Detected>; settings: ValueStore<Settings> }) => void;
}

/**
 * Starts Touchline on a page: reads settings, detects the people on the page, mounts the sidebar in a
 * shadow root and keeps it in step with the page. Everything is tied to `ctx`, so an extension update
 * leaves no listener or observer behind.
 */
export async function mountSidebar(ctx: ContentScriptContext, site: SiteBinding): Promise<void> {
  // The settings round trip and the shadow root's stylesheet load in parallel: both sit on the path to
  // the first paint of the sidebar.
  let settings!: ValueStore<Settings>;
  let page!: ValueStore<Detected>;
  let initiallyOpen = true;
  const [[initialSettings, open], ui] = await Promise.all([
    Promise.all([send('settings.get', {}), send('ui.sidebarOpen.get', {})]),
    createShadowRootUi(ctx, {
      name: 'touchline-sidebar',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const root = createRoot(container);
        root.render(
          <SidebarShell
            page={page}
            settings={settings}
            initiallyOpen={initiallyOpen}
            theme={() => detectTheme(window)}
            onOpenChange={(isOpen) => reserveSpace(document, isOpen ? SIDEBAR_WIDTH : null, site.layoutCss)}
          />,
        );
        return root;
      },
      onRemove(root) {
        root?.unmount();
        reserveSpace(document, null);
      },
    }),
  ]);
  initiallyOpen = open;
  settings = createValueStore(initialSettings);
  page = createValueStore(site.detect(document, location.href, initialSettings));
  const refresh = () => page.set(site.detect(document, location.href, settings.get()));
  ui.mount();

  site.watch(ctx, refresh);
  site.start?.(ctx, { page, settings });
  const onEvent = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return undefined;
    if (asBackgroundEvent(message)?.event === CHANGED_EVENT) {
      void send('settings.get', {}).then((s) => settings.set(s) && refresh(), () => undefined);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onEvent);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onEvent));
}
