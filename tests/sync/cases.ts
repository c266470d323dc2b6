import type { Prospect, Touch } from '../../lib/model';
import { newId } from '../../lib/model';
import { makeData } from './harness';

/**
 * The people that break naive sync, mixed into generated data: two prospects whose emails differ only in
 * case (one CRM contact for both: CRMs compare emails without case), LinkedIn-only people (no email: no
 * natural key), and people the CRM already holds (`existing`: a batch mixing new and existing records).
 */
export function trickyData(people: number, touchesEach: number) {
  const data = makeData(people, touchesEach);
  const at = data.prospects[0]!.createdAt;
  const twinOf = data.prospects.find((p) => p.emails[0])!;
  const twin: Prospect = { ...twinOf, id: newId(), name: `${twinOf.name} Twin`, emails: [twinOf.emails[0]!.toUpperCase()], linkedinUrl: undefined, createdAt: at + people, updatedAt: at + people };
  data.prospects.push(twin);
  const twinTouch: Touch = { id: newId(), prospectId: twin.id, channel: 'note', direction: 'internal', at: at + 5, summary: 'Note on the twin', createdAt: at };
  data.touches.push(twinTouch);
  const existing = data.prospects.filter((p, i) => p.emails[0] && i % 50 === 3);
  return { ...data, twin, twinOf, existing, linkedinOnly: data.prospects.filter((p) => !p.emails.length) };
}

/** The key one CRM person record stands for: the email in lower case, else the LinkedIn URL. */
export const personKey = (p: Prospect) => p.emails[0]?.toLowerCase() ?? p.linkedinUrl!;
