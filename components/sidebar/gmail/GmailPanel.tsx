import type { ProspectDetail } from '@/lib/messaging/contract';
import type { Prospect } from '@/lib/model';
import type { GmailDetails } from '@/lib/sites/gmail/types';
import type { Detected, DetectedPerson } from '@/lib/sites/types';
import type { SidebarActions } from '../actions';
import { DraftRecipients } from './DraftRecipients';
import { SignatureProposal } from './SignatureProposal';
import { ThreadMessages } from './ThreadMessages';

interface Known {
  prospects: (Prospect | null)[];
  details: Map<string, ProspectDetail>;
}

interface Props {
  detected: Detected;
  gmail: GmailDetails;
  known: Known | undefined;
  run: (action: () => Promise<unknown>) => Promise<void>;
}

/** Gmail's part of the sidebar below the people: the thread's messages to log and the open drafts. */
export function GmailPanel({ detected, gmail, known, run }: Props) {
  const prospects = new Map<string, Prospect>();
  detected.people.forEach((person, i) => {
    const p = known?.prospects[i];
    if (p) for (const e of person.emails) prospects.set(e, p);
  });
  const loggedSourceIds = new Set<string>();
  for (const d of known?.details.values() ?? []) for (const t of d.touches) if (t.channel === 'email' && t.sourceId) loggedSourceIds.add(t.sourceId);
  return (
    <>
      {gmail.thread && gmail.thread.messages.length > 0 && (
        <ThreadMessages thread={gmail.thread} url={detected.url} prospects={prospects} loggedSourceIds={loggedSourceIds} run={run} />
      )}
      <DraftRecipients drafts={gmail.drafts} />
    </>
  );
}

/** Per person on Gmail: the signature proposal, confirmed by the rep before anything is saved. */
export function GmailPersonExtras({ gmail, person, prospect, actions }: { gmail: GmailDetails; person: DetectedPerson; prospect: Prospect | null; actions: SidebarActions }) {
  return (
    <SignatureProposal
      person={person}
      prospect={prospect}
      proposal={gmail.signatures.find((s) => person.emails.includes(s.email))}
      onAdd={actions.addProspect}
      onUpdate={actions.updateProspect}
    />
  );
}
