import { useSyncExternalStore } from 'react';
import { mountPage } from '@/components/pages/mount-page';
import { DataPage } from '@/components/pages/data/DataPage';
import { MetricsPage } from '@/components/pages/metrics/MetricsPage';

// The metrics and data pages on their own extension page (data.html#/metrics, data.html#/data) until the
// dashboard's router carries them (components/pages/metrics/route.ts and data/route.ts register them there).
const PAGES = { '#/metrics': { title: 'Metrics', Page: MetricsPage }, '#/data': { title: 'Import and export', Page: DataPage } } as const;

const subscribe = (cb: () => void) => (window.addEventListener('hashchange', cb), () => window.removeEventListener('hashchange', cb));

function DataApp() {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  const key = (hash in PAGES ? hash : '#/metrics') as keyof typeof PAGES;
  const { title, Page } = PAGES[key];
  document.title = `${title} - Touchline`;
  return (
    <div className="min-h-screen bg-white p-6 font-sans text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <nav aria-label="Pages" className="mb-4 flex gap-4 text-sm">
        <a href="dashboard.html">Prospects</a>
        {Object.entries(PAGES).map(([href, p]) => (
          <a key={href} href={href} aria-current={href === key ? 'page' : undefined} className={href === key ? 'font-semibold' : ''}>
            {p.title}
          </a>
        ))}
      </nav>
      <h1 className="mb-4 text-xl font-bold">{title}</h1>
      <Page />
    </div>
  );
}

mountPage(<DataApp />);
