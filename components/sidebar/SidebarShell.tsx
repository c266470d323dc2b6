import { useSyncExternalStore } from 'react';
import { CLS, SIDEBAR_WIDTH } from '@/lib/content/sidebar-classes';
import type { SidebarRuntime } from '@/lib/content/sidebar-runtime';
import type { SiteUi } from './site-ui';
import { Sidebar } from './Sidebar';
import { SidebarHandle } from './SidebarHandle';

export { SIDEBAR_WIDTH };

/** The frame around the sidebar; opening and closing (handle, Alt+Shift+T, the browser command) is the runtime's. */
export function SidebarShell({ runtime, site }: { runtime: SidebarRuntime; site: SiteUi }) {
  const open = useSyncExternalStore(runtime.open.subscribe, runtime.open.get);
  const theme = useSyncExternalStore(runtime.theme.subscribe, runtime.theme.get);
  return (
    <div data-theme={theme} className={CLS.frame}>
      <SidebarHandle open={open} onToggle={runtime.toggle} widthPx={SIDEBAR_WIDTH} />
      {open && (
        <aside aria-label="Touchline" style={{ width: SIDEBAR_WIDTH }} className={CLS.aside}>
          <header className={CLS.header}>
            <span className={CLS.brand}>Touchline</span>
            <button type="button" onClick={runtime.toggle} aria-label="Close sidebar" className={CLS.close}>
              {'\u00d7'}
            </button>
          </header>
          <Sidebar runtime={runtime} site={site} />
        </aside>
      )}
    </div>
  );
}
