import { useEffect, useLayoutEffect, useState, type ComponentType } from 'react';
import { takeOver } from './early/takeover';
import type { RouteProps } from './routes';

/** A view loaded when first needed, and loadable ahead of time (the page's first route, at boot). */
export interface RouteView {
  Component: ComponentType<RouteProps>;
  /** Starts (or joins) loading the view's code; resolves when it can render without waiting. */
  preload(): Promise<ComponentType<RouteProps>>;
}

/**
 * A code-split view without React.lazy: React 19 holds back a Suspense boundary's content for up to 300 ms
 * after its fallback was shown (FALLBACK_THROTTLE_MS), and on a record's page load that was most of the time
 * to first draw (trace 2026-12-03: chunk in at 253 ms, record committed at 475 ms). This shows a plain
 * "Loading…" line while the chunk arrives and then renders the view in the same mount, so nothing suspends.
 * The view chosen at mount stays for the mount's life: no remount when the chunk finishes mid-way.
 */
export function routeView(load: () => Promise<ComponentType<RouteProps>>): RouteView {
  let loaded: ComponentType<RouteProps> | undefined;
  let loading: Promise<ComponentType<RouteProps>> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (C) => (loaded = C),
      (err: unknown) => {
        loading = undefined; // a failed chunk load may succeed on the next navigation
        throw err;
      },
    ));
  function RouteComponent(props: RouteProps) {
    const [View, setView] = useState<{ C?: ComponentType<RouteProps>; error?: string }>(() => ({ C: loaded }));
    useEffect(() => {
      if (View.C) return;
      let live = true;
      preload().then(
        (C) => live && setView({ C }),
        (err: Error) => live && setView({ error: err.message }),
      );
      return () => {
        live = false;
      };
    }, []); // eslint-disable-line react-hooks/exhaustive-deps
    // A view that could not load says so: the early paint must not stand in front of that.
    useLayoutEffect(() => {
      if (View.error) takeOver();
    }, [View.error]);
    if (View.C) return <View.C {...props} />;
    if (View.error) return <p role="alert">This view could not be loaded: {View.error}</p>;
    return <p role="status">Loading…</p>;
  }
  return { Component: RouteComponent, preload };
}
