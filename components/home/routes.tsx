import type { ComponentType } from 'react';
import { routeView } from './route-view';
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
  Component: ComponentType<RouteProps>;
  /** Loads the view's code ahead of rendering it (the page's first route, from boot). */
  preload(): Promise<unknown>;
}

/** Each view is one entry: a new view (or a real one replacing a placeholder) changes one line here. */
export const ROUTES: HomeRoute[] = [
  { pattern: '/board', title: 'Board', nav: 'Board', ...routeView(() => import('./board/BoardPage').then((m) => m.BoardPage)) },
  { pattern: '/list', title: 'List', nav: 'List', ...routeView(() => import('./list/ListPage').then((m) => m.ListPage)) },
  { pattern: '/record/:id', title: 'Prospect', ...routeView(() => import('./record/RecordPage').then((m) => m.RecordPage)) },
  { pattern: '/metrics', title: 'Metrics', nav: 'Metrics', ...routeView(() => import('../pages/metrics/MetricsPage').then((m) => m.MetricsPage)) },
  { pattern: '/data', title: 'Import and export', nav: 'Import and export', ...routeView(() => import('../pages/data/DataPage').then((m) => m.DataPage)) },
];

/** The route a path opens and its params, or undefined for a path no view answers. */
export function resolveRoute(path: string, routes: HomeRoute[] = ROUTES): { route: HomeRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params };
  }
  return undefined;
}
