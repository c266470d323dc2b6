import type { ComponentType } from 'react';
import { routeView, type RouteView } from './route-view';
import { ROUTE_TABLE, type RoutePattern } from './route-table';
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

const CODE: Record<RoutePattern, RouteView> = {
  '/board': routeView(() => import('./board/BoardPage').then((m) => m.BoardPage)),
  '/list': routeView(() => import('./list/ListPage').then((m) => m.ListPage)),
  '/record/:id': routeView(() => import('./record/RecordPage').then((m) => m.RecordPage)),
  '/metrics': routeView(() => import('../pages/metrics/MetricsPage').then((m) => m.MetricsPage)),
  '/data': routeView(() => import('../pages/data/DataPage').then((m) => m.DataPage)),
};

/** Each view is one entry of route-table.ts and its code here: a new view changes one line in each. */
export const ROUTES: HomeRoute[] = ROUTE_TABLE.map((r) => ({ ...r, ...CODE[r.pattern] }));

/** The route a path opens and its params, or undefined for a path no view answers. */
export function resolveRoute(path: string, routes: HomeRoute[] = ROUTES): { route: HomeRoute; params: Record<string, string> } | undefined {
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params };
  }
  return undefined;
}
