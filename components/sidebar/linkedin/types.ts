import type { ProspectDetail } from '@/lib/messaging/contract';
import type { Prospect } from '@/lib/model';

/** What the sidebar already knows about the people on the page, aligned with `detected.people`. */
export interface Known {
  prospects: (Prospect | null)[];
  details: Map<string, ProspectDetail>;
}

/** Runs an action, shows its error to the rep, and refreshes what the sidebar knows. */
export type Run = (action: () => Promise<unknown>) => Promise<void>;

export const buttonClass = 'rounded bg-blue-600 px-2 py-1 text-xs font-medium text-white hover:bg-blue-700 disabled:opacity-50';
export const quietButtonClass =
  'rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';
export const fieldClass =
  'rounded border border-slate-300 bg-white p-1 text-xs text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
