/**
 * The home's views as plain data (pattern, title, nav label), in registry order: routes.tsx adds each one's
 * code, and the early paint (components/home/early/) draws the shell's navigation from it before React loads.
 */
export const ROUTE_TABLE = [
  { pattern: '/board', title: 'Board', nav: 'Board' },
  { pattern: '/list', title: 'List', nav: 'List' },
  { pattern: '/record/:id', title: 'Prospect' },
  { pattern: '/metrics', title: 'Metrics', nav: 'Metrics' },
  { pattern: '/data', title: 'Import and export', nav: 'Import and export' },
] as const satisfies readonly { pattern: string; title: string; nav?: string }[];

export type RoutePattern = (typeof ROUTE_TABLE)[number]['pattern'];
