/** The record's control styles, plain strings so the early paint (components/home/early/) draws the same boxes. */
export const SELECT = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
export const INPUT = 'w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
export const BUTTON = 'rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50';
export const QUIET_BUTTON = 'rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
export const SECTION = 'flex flex-col gap-2 rounded border border-slate-200 p-3 dark:border-slate-700';
