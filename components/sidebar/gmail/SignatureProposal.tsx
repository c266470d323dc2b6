import type { Prospect, ProspectPatch } from '@/lib/model';
import type { SignatureProposal as Proposal } from '@/lib/sites/gmail/types';
import type { DetectedPerson } from '@/lib/sites/types';
import { CLS, SIGNATURE_LABELS, signatureFields } from '@/lib/content/sidebar-classes';

interface Props {
  person: DetectedPerson;
  prospect: Prospect | null;
  proposal: Proposal | undefined;
  onAdd: (person: DetectedPerson) => Promise<void>;
  onUpdate: (prospect: Prospect, patch: ProspectPatch) => Promise<void>;
}

/**
 * What the sender's signature suggests. Nothing from it is saved until the rep presses the button: for a new
 * person it adds them with these details, for a known prospect it fills or corrects those fields.
 */
export function SignatureProposal({ person, prospect, proposal, onAdd, onUpdate }: Props) {
  if (!proposal) return null;
  // The runtime's first paint drew the same box with every field (lib/content/first-paint.ts).
  const fields = signatureFields(proposal, prospect);
  if (fields.length === 0) return null;
  const name = prospect?.name ?? person.name ?? person.key;
  const patch = Object.fromEntries(fields.map((f) => [f, proposal[f]])) as ProspectPatch;
  return (
    <section aria-label={`Signature of ${name}`} className={CLS.signature}>
      <div className={CLS.signatureHeading}>From the signature</div>
      <dl className={CLS.signatureFields}>
        {fields.map((f) => (
          <div key={f} className="contents">
            <dt className={CLS.signatureLabel}>{SIGNATURE_LABELS[f]}</dt>
            <dd className={CLS.signatureValue}>{proposal[f]}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className={CLS.signatureButton}
        onClick={() => void (prospect ? onUpdate(prospect, patch) : onAdd({ ...person, ...patch }))}
      >
        {prospect ? 'Save signature details' : 'Add with signature details'}
      </button>
    </section>
  );
}
