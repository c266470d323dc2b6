/**
 * Class names shared by the plain-DOM first paint (lib/content/first-paint.ts) and the React sidebar
 * (components/sidebar): the UI takes over the exact boxes the first paint drew, so nothing moves.
 */
export const SIDEBAR_WIDTH = 340;

export const CLS = {
  frame: 'font-sans text-slate-900 dark:text-slate-100',
  handle:
    'fixed bottom-24 z-[2147483001] flex h-10 w-6 items-center justify-center rounded-l-md bg-blue-600 text-xs font-bold text-white opacity-80 hover:opacity-100 focus:opacity-100',
  aside:
    'fixed top-0 right-0 bottom-0 z-[2147483000] flex flex-col border-l border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950',
  header: 'flex items-center justify-between border-b border-slate-200 px-3 py-2 dark:border-slate-700',
  brand: 'text-sm font-bold text-blue-700 dark:text-blue-300',
  close: 'rounded px-1 text-slate-500 hover:bg-slate-200 dark:text-slate-400 dark:hover:bg-slate-800',
  content: 'flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto p-3',
  title: 'text-sm font-semibold text-slate-800 dark:text-slate-100',
  empty: 'text-xs text-slate-500 dark:text-slate-400',
  people: 'flex flex-col gap-2',
  card: 'flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900',
  who: 'min-w-0',
  name: 'truncate text-sm font-semibold text-slate-900 dark:text-slate-50',
  line: 'truncate text-xs text-slate-500 dark:text-slate-400',
  headline: 'line-clamp-2 text-xs text-slate-500 dark:text-slate-400',
  /** One fixed-height row under the name: a placeholder, then the stage and score or the Add button. */
  status: 'flex h-6 items-center gap-2 text-xs text-slate-600 dark:text-slate-300',
  pending: 'h-3 w-24 rounded bg-slate-100 dark:bg-slate-800',
  /** Gmail: what a sender's signature suggests (components/sidebar/gmail/SignatureProposal.tsx). */
  signature: 'rounded border border-dashed border-slate-300 p-2 text-xs dark:border-slate-600',
  signatureHeading: 'mb-1 text-slate-500 dark:text-slate-400',
  signatureFields: 'grid grid-cols-[auto_1fr] gap-x-2',
  signatureLabel: 'text-slate-500 dark:text-slate-400',
  signatureValue: 'truncate text-slate-800 dark:text-slate-100',
  signatureButton: 'mt-1 rounded border border-blue-600 px-2 py-0.5 text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-800',
} as const;

/** The signature fields a proposal shows: those it has that differ from what the store has (nothing known yet: all). */
export const SIGNATURE_FIELDS = ['title', 'company', 'phone'] as const;
export const SIGNATURE_LABELS = { title: 'Title', company: 'Company', phone: 'Phone' } as const;
type SignatureFacts = Partial<Record<(typeof SIGNATURE_FIELDS)[number], string>>;
export function signatureFields(proposal: SignatureFacts, known?: SignatureFacts | null) {
  return SIGNATURE_FIELDS.filter((f) => proposal[f] && proposal[f] !== known?.[f]);
}

export const handleLabel = (open: boolean) => (open ? 'Close Touchline sidebar' : 'Open Touchline sidebar');

/** The name a card shows: the stored one once known, else what the page says. */
export function displayName(person: { name: string | null; emails: string[]; linkedinUrl?: string }, known?: { name: string } | null): string {
  return known?.name ?? person.name ?? person.emails[0] ?? person.linkedinUrl ?? 'Unknown';
}
