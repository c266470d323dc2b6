import type { CrmKind, EraseRecord, SyncLink } from './types';

/**
 * Per CRM, which of an erased person's linked records (their `SyncLink.remote` keys) Touchline deletes there,
 * and which it leaves because they are not the person's: a company several prospects share. A kind in
 * neither list (none today) is named on the erase page as a record to remove by hand.
 */
export const ERASE_KINDS: Record<CrmKind, { deletes: readonly string[]; keeps: readonly string[] }> = {
  // Contacts by GDPR delete; deals and engagements by batch archive (HubSpot does not cascade them).
  hubspot: { deletes: ['contact', 'deal', 'notes', 'emails', 'calls'], keeps: ['company'] },
  // Deleting a Pipedrive person leaves its deals and activities: each is deleted by id.
  pipedrive: { deletes: ['person', 'deal', 'activity'], keeps: ['org'] },
  twenty: { deletes: ['person', 'opportunity', 'note'], keeps: ['company'] },
  // `touchline`: a Touchline id to find by the external-ID field (a send whose answer was lost, below).
  salesforce: { deletes: ['person', 'opportunity', 'role', 'task', 'touchline'], keeps: ['account'] },
  webhook: { deletes: ['webhook'], keeps: [] },
};

/** The records to delete from a person's links (each once) and those the CRM must be cleaned of by hand. */
export function eraseRecords(crm: CrmKind, links: SyncLink[]): { records: EraseRecord[]; byHand: EraseRecord[] } {
  const { deletes, keeps } = ERASE_KINDS[crm];
  const seen = new Set<string>();
  const records: EraseRecord[] = [];
  const byHand: EraseRecord[] = [];
  for (const l of links)
    for (const [kind, id] of Object.entries(l.remote)) {
      if (keeps.includes(kind) || seen.has(`${kind}|${id}`)) continue;
      seen.add(`${kind}|${id}`);
      (deletes.includes(kind) ? records : byHand).push({ kind, id });
    }
  return { records, byHand };
}

/** Adds what a send learnt for an erased person to their erase order (each record once). */
export function withRecords(records: EraseRecord[], remote: Record<string, string>): EraseRecord[] {
  const out = [...records];
  for (const [kind, id] of Object.entries(remote)) if (!out.some((r) => r.kind === kind && r.id === id)) out.push({ kind, id });
  return out;
}

/**
 * Records whose CRM id is Touchline's own id, so they can be named without a stored link: for a person erased
 * while a send with them was under way, whose answer may be lost (a run killed mid-request), these are
 * deleted too (a 404 if that send never made them counts as done). Other records are found only by the ids
 * the send's answers bring (lib/sync/erase-delivery.ts divertErased).
 */
export function ownIdRecords(crm: CrmKind, prospectId: string, touchIds: string[]): EraseRecord[] {
  if (crm === 'webhook') return [prospectId, ...touchIds].map((id) => ({ kind: 'webhook', id }));
  // Twenty: opportunities take the prospect id, notes the touch id (lib/sync/adapters/twenty.ts).
  if (crm === 'twenty') return [{ kind: 'opportunity', id: prospectId }, ...touchIds.map((id) => ({ kind: 'note', id }))];
  // Salesforce: every record Touchline writes carries its Touchline id in the external-ID field.
  if (crm === 'salesforce') return [prospectId, ...touchIds].map((id) => ({ kind: 'touchline', id }));
  return [];
}
