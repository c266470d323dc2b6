import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { hrefTo, navigate, usePath, DEFAULT_PATH } from './router';
import { ROUTES, resolveRoute } from './routes';
import { SearchBox } from './search/SearchBox';

/** Typing `/` anywhere outside a field focuses search, the way Gmail, GitHub and Linear do. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** The home page's frame: navigation and search at the top, the routed view below. */
export function Shell({ current, children }: { current?: string; children: ReactNode }) {
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isTypingTarget(e.target)) return;
      e.preventDefault();
      search.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="min-h-screen bg-white font-sans text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 px-6 py-3 dark:border-slate-700">
        <span className="font-bold text-blue-700 dark:text-blue-400">Touchline</span>
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {ROUTES.filter((r) => r.nav).map((r) => (
            <a
              key={r.pattern}
              href={hrefTo(r.pattern)}
              aria-current={r.pattern === current ? 'page' : undefined}
              className={r.pattern === current ? 'font-semibold underline' : 'hover:underline'}
            >
              {r.nav}
            </a>
          ))}
        </nav>
        <div role="search" className="ml-auto">
          <SearchBox inputRef={search} />
        </div>
      </header>
      <main className="p-6">{children}</main>
    </div>
  );
}

/** The home page: the view the hash names, inside the shell. */
export function Home() {
  const path = usePath();
  const hit = resolveRoute(path);
  // A bare dashboard.html opens the board; the hash is set without a history entry, so Back leaves the page.
  useEffect(() => {
    if (!location.hash) navigate(DEFAULT_PATH, { replace: true });
  }, []);
  useEffect(() => {
    document.title = `${hit?.route.title ?? 'Not found'} - Touchline`;
  }, [hit?.route.title]);
  if (!hit) {
    return (
      <Shell>
        <h1 className="mb-4 text-xl font-bold">Not found</h1>
        <p>
          Nothing lives at “{path}”. <a href={hrefTo(DEFAULT_PATH)} className="underline">Open the board</a>.
        </p>
      </Shell>
    );
  }
  const { route, params } = hit;
  return (
    <Shell current={route.pattern}>
      <h1 className="mb-4 text-xl font-bold">{route.title}</h1>
      <Suspense fallback={<p role="status">Loading…</p>}>
        {/* keyed by path without its query: opening another record starts that view afresh, a filter change does not */}
        <route.Component key={path.split('?')[0]} params={params} />
      </Suspense>
    </Shell>
  );
}
