import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { CLS } from '@/lib/content/sidebar-classes';
import type { SidebarRuntime } from '@/lib/content/sidebar-runtime';
import type { SiteUi } from './site-ui';
import { Sidebar } from './Sidebar';

/**
 * Mounts the React sidebar into the runtime's panel: it renders synchronously into a detached container
 * with the first paint's own box, which then takes the first paint's place in one step, so nothing blinks
 * or moves. The frame (handle, panel, header) stays the runtime's.
 */
export function mountSidebarUi(runtime: SidebarRuntime, site: SiteUi): void {
  const container = runtime.panel.ownerDocument.createElement('div');
  container.className = CLS.content;
  const root = createRoot(container);
  flushSync(() => root.render(<Sidebar runtime={runtime} site={site} />));
  runtime.handOver(container);
  runtime.ctx.onInvalidated(() => root.unmount());
}
