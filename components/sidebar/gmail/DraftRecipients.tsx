import type { GmailAddress, GmailDraft } from '@/lib/sites/gmail/types';

const FIELDS = [
  ['to', 'To'],
  ['cc', 'Cc'],
  ['bcc', 'Bcc'],
] as const;

const label = (a: GmailAddress) => (a.name ? `${a.name} <${a.email}>` : a.email);

/** The recipients of each open draft or reply; colleagues and robots are listed but marked as not prospects. */
export function DraftRecipients({ drafts }: { drafts: GmailDraft[] }) {
  if (drafts.length === 0) return null;
  return (
    <section aria-label="Drafts" className="flex flex-col gap-2 border-t border-slate-200 pt-2 dark:border-slate-700">
      {drafts.map((d, i) => (
        <div key={d.draftId ?? i} aria-label={`Draft: ${d.subject || '(no subject)'}`} role="group" className="text-xs">
          <h3 className="truncate font-semibold text-slate-700 dark:text-slate-200">
            {d.inline ? 'Reply' : 'Draft'}: {d.subject || '(no subject)'}
          </h3>
          {FIELDS.map(([key, name]) =>
            d[key].length === 0 ? null : (
              <ul key={key} aria-label={`${name} recipients`} className="flex flex-col">
                {d[key].map((a) => (
                  <li key={a.email} className="truncate text-slate-600 dark:text-slate-300">
                    <span className="text-slate-400">{name}:</span> {label(a)}
                    {!a.external && <span className="text-slate-400"> (not a prospect)</span>}
                  </li>
                ))}
              </ul>
            ),
          )}
        </div>
      ))}
    </section>
  );
}
