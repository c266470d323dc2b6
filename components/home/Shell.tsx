import { Suspense, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { hrefTo, navigate, usePath, DEFAULT_PATH } from './router';
import { ROUTES, resolveRoute } from './routes';
import { SearchBox } from './search/SearchBox';
import { SHELL } from './shell-classes';
import { takeOver } from './early/takeover';

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
    <div className={SHELL.frame}>
      <header className={SHELL.header}>
        <span className={SHELL.brand}>Touchline</span>
        <nav aria-label="Pages" className={SHELL.nav}>
          {ROUTES.filter((r) => r.nav).map((r) => (
            <a
              key={r.pattern}
              href={hrefTo(r.pattern)}
              aria-current={r.pattern === current ? 'page' : undefined}
              className={SHELL.link(r.pattern === current)}
            >
              {r.nav}
            </a>
          ))}
        </nav>
        <div role="search" className={SHELL.search}>
          <SearchBox inputRef={search} />
        </div>
      </header>
      <main className={SHELL.main}>{children}</main>
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
  // Only a record is painted early (early/early-paint.ts); on any other view React's screen is the first.
  const pattern = hit?.route.pattern;
  useLayoutEffect(() => {
    if (pattern !== '/record/:id') takeOver();
  }, [pattern]);
  useEffect(() => {
    document.title = `${hit?.route.title ?? 'Not found'} - Touchline`;
  }, [hit?.route.title]);
  if (!hit) {
    return (
      <Shell>
        <h1 className={SHELL.title}>Not found</h1>
        <p>
          Nothing lives at “{path}”. <a href={hrefTo(DEFAULT_PATH)} className="underline">Open the board</a>.
        </p>
      </Shell>
    );
  }
  const { route, params } = hit;
  return (
    <Shell current={route.pattern}>
      <h1 className={SHELL.title}>{route.title}</h1>
      <Suspense fallback={<p role="status">Loading…</p>}>
        {/* keyed by path without its query: opening another record starts that view afresh, a filter change does not */}
        <route.Component key={path.split('?')[0]} params={params} />
      </Suspense>
    </Shell>
  );
}
