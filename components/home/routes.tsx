import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { matchPattern } from './router';

/** What every routed view receives: the params its pattern captured (`/record/:id` -> { id }). */
export interface RouteProps {
  params: Record<string, string>;
}

export interface HomeRoute {
  /** '/board', '/record/:id' (see router.ts matchPattern). */
  pattern: string;
  /** The document title and heading. */
  title: string;
  /** Shown in the shell's navigation under this label, in registry order; absent = not in the nav. */
  nav?: string;
  /** Loaded when first opened, so the board's first paint does not wait for the metrics or import code. */
  Component: LazyExoticComponent<ComponentType<RouteProps>>;
}

/** Each view is one entry: a new view (or a real one replacing a placeholder) changes one line here. */
export const ROUTES: HomeRoute[] = [
  { pattern: '/board', title: 'Board', nav: 'Board', Component: lazy(() => import('./board/BoardPage').then((m) => ({ default: m.BoardPage }))) },
  { pattern: '/list', title: 'List', nav: 'List', Component: lazy(() => import('./list/ListPage').then((m) => ({ default: m.ListPage }))) },
  { pattern: '/record/:id', title: 'Prospect', Component: lazy(() => import('./record/RecordPage').then((m) => ({ default: m.RecordPage }))) },
  { pattern: '/metrics', title: 'Metrics', nav: 'Metrics', Component: lazy(() => import('../pages/metrics/MetricsPage').then((m) => ({ default: m.MetricsPage }))) },
  { pattern: '/data', title: 'Import and export', nav: 'Import and export', Component: lazy(() => import('../pages/data/DataPage').then((m) => ({ default: m.DataPage }))) },
];

/** The route a path opens and its params, or undefined for a path no view answers. */
export function resolveRoute(path: string, routes: HomeRoute[] = ROUTES): { route: HomeRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params };
  }
  return undefined;
}
