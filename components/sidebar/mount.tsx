import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { SidebarRuntime } from '@/lib/content/sidebar-runtime';
import type { SiteUi } from './site-ui';
import { SidebarShell } from './SidebarShell';

/**
 * Mounts the React sidebar into the runtime's shadow root. It renders synchronously into its own container
 * and only then asks the runtime to remove the plain first paint, so the boxes never blink or move.
 */
export function mountSidebarUi(runtime: SidebarRuntime, site: SiteUi): void {
  const container = runtime.body.ownerDocument.createElement('div');
  runtime.body.append(container);
  const root = createRoot(container);
  flushSync(() => root.render(<SidebarShell runtime={runtime} site={site} />));
  runtime.handOver(container);
  runtime.ctx.onInvalidated(() => root.unmount());
}
