import type { Prospect, ProspectPatch } from '@/lib/model';
import type { SignatureProposal as Proposal } from '@/lib/sites/gmail/types';
import type { DetectedPerson } from '@/lib/sites/types';

interface Props {
  person: DetectedPerson;
  prospect: Prospect | null;
  proposal: Proposal | undefined;
  onAdd: (person: DetectedPerson) => Promise<void>;
  onUpdate: (prospect: Prospect, patch: ProspectPatch) => Promise<void>;
}

const FIELDS = ['title', 'company', 'phone'] as const;
const LABELS = { title: 'Title', company: 'Company', phone: 'Phone' };

/**
 * What the sender's signature suggests. Nothing from it is saved until the rep presses the button: for a new
 * person it adds them with these details, for a known prospect it fills or corrects those fields.
 */
export function SignatureProposal({ person, prospect, proposal, onAdd, onUpdate }: Props) {
  if (!proposal) return null;
  const fields = FIELDS.filter((f) => proposal[f] && proposal[f] !== prospect?.[f]);
  if (fields.length === 0) return null;
  const name = prospect?.name ?? person.name ?? person.key;
  const patch = Object.fromEntries(fields.map((f) => [f, proposal[f]])) as ProspectPatch;
  return (
    <section aria-label={`Signature of ${name}`} className="rounded border border-dashed border-slate-300 p-2 text-xs dark:border-slate-600">
      <div className="mb-1 text-slate-500 dark:text-slate-400">From the signature</div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2">
        {fields.map((f) => (
          <div key={f} className="contents">
            <dt className="text-slate-500 dark:text-slate-400">{LABELS[f]}</dt>
            <dd className="truncate text-slate-800 dark:text-slate-100">{proposal[f]}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="mt-1 rounded border border-blue-600 px-2 py-0.5 text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-slate-800"
        onClick={() => void (prospect ? onUpdate(prospect, patch) : onAdd({ ...person, ...patch }))}
      >
        {prospect ? 'Save signature details' : 'Add with signature details'}
      </button>
    </section>
  );
}
