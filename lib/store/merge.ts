import type { TouchlineDb } from '../db/database';
import { newId, touchSourceKey, type MergeRecord, type Prospect, type Touch } from '../model';
import { UserError } from './errors';
import { emailDomain, normalizeEmail } from './identity';
import { tickId } from './criteria';
import { write } from './unit-of-work';

export interface PersonFacts {
  name: string | null;
  company?: string;
  emails: string[];
  linkedinUrl?: string;
}

export type SamePersonReason = 'email' | 'name-company';

/**
 * Two LinkedIn URLs of different people: both public profiles (/in/) or both Sales Navigator leads. A lead
 * URL (what Sales Navigator lists give) and a public profile may be the same member.
 */
export function differentMembers(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return false;
  return a.includes('/sales/lead/') === b.includes('/sales/lead/');
}

/** The public profile wins over a Sales Navigator lead URL. */
function preferredLinkedInUrl(a: string | undefined, b: string | undefined): string | undefined {
  if (a && b && a.includes('/sales/lead/')) return b;
  return a ?? b;
}

const LEGAL_SUFFIX = /\b(inc|llc|ltd|gmbh|ag|sa|sas|bv|plc|corp|corporation|co|company|group)\b/g;
const FREEMAIL = new Set(['gmail', 'googlemail', 'outlook', 'hotmail', 'yahoo', 'icloud', 'proton', 'protonmail', 'gmx', 'web']);

/** "Jürgen  Müller" and "jurgen muller" are one name. */
export function normalizeName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function normalizeCompany(company: string): string {
  return normalizeName(company).replace(LEGAL_SUFFIX, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Same company: equal names once legal suffixes are dropped, or, when one side only has an email, its domain's
 * first label starts the other's company name (maria@globex.example and "Globex Logistics").
 */
export function sameCompany(a: { company?: string; emails: string[] }, b: { company?: string; emails: string[] }): boolean {
  if (a.company && b.company) return normalizeCompany(a.company) === normalizeCompany(b.company);
  const [withCompany, withEmail] = a.company ? [a, b] : [b, a];
  if (!withCompany.company) return false;
  const company = normalizeCompany(withCompany.company);
  return withEmail.emails.some((e) => {
    const label = emailDomain(e).split('.')[0] ?? '';
    return label.length >= 3 && !FREEMAIL.has(label) && (company === label || company.replace(/ /g, '').startsWith(label));
  });
}

/**
 * Prospects that are probably the same person as `person` but a different record: one of the emails shown on
 * the page, or the same name at the same company. Records with another LinkedIn profile are someone else.
 */
export async function findSamePerson(
  db: TouchlineDb,
  person: PersonFacts,
  excludeId?: string,
): Promise<Array<{ prospect: Prospect; reason: SamePersonReason }>> {
  const out = new Map<string, { prospect: Prospect; reason: SamePersonReason }>();
  const otherProfile = (p: Prospect) => differentMembers(p.linkedinUrl, person.linkedinUrl);
  const emails = person.emails.map(normalizeEmail);
  if (emails.length) {
    for (const p of await db.prospects.where('emails').anyOf(emails).toArray()) {
      if (p.id !== excludeId && !otherProfile(p)) out.set(p.id, { prospect: p, reason: 'email' });
    }
  }
  if (person.name) {
    const name = normalizeName(person.name);
    await db.prospects.each((p) => {
      if (p.id === excludeId || out.has(p.id) || otherProfile(p) || p.linkedinUrl === person.linkedinUrl) return;
      if (normalizeName(p.name) === name && sameCompany(person, p)) out.set(p.id, { prospect: p, reason: 'name-company' });
    });
  }
  return [...out.values()];
}

/** A prospect holds at most 10 member ids (lib/model/prospect.ts); none is no field rather than []. */
function optionalIds(ids: string[]): { linkedinIds?: string[] } {
  const unique = [...new Set(ids)].slice(0, 10);
  return { linkedinIds: unique.length ? unique : undefined };
}

const FILLABLE = ['headline', 'title', 'company', 'companyId', 'phone', 'location', 'nextStep', 'followUpAt', 'notes', 'score'] as const;

/**
 * Folds `mergeId` into `keepId`: one record with both identities (every email, the LinkedIn profile), empty
 * fields filled from the other, and every touch, stage change, task, cadence run and ticked criterion of both.
 * Source ids that named the removed prospect are re-keyed to the kept one, so logging the same thread again
 * finds the touch already there. The snapshot makes it undoable.
 */
export async function mergeProspects(db: TouchlineDb, keepId: string, mergeId: string, now = Date.now()): Promise<{ prospect: Prospect; merge: MergeRecord }> {
  if (keepId === mergeId) throw new UserError('invalid', 'A prospect cannot be merged with itself.');
  return write(db, async () => {
    const [kept, removed] = await Promise.all([db.prospects.get(keepId), db.prospects.get(mergeId)]);
    if (!kept || !removed) throw new UserError('not-found', 'One of these prospects no longer exists.');
    if (differentMembers(kept.linkedinUrl, removed.linkedinUrl)) {
      throw new UserError('conflict', `${kept.name} and ${removed.name} have different LinkedIn profiles: they are not the same person.`);
    }
    const next: Prospect = {
      ...kept,
      emails: [...new Set([...kept.emails, ...removed.emails])],
      linkedinUrl: preferredLinkedInUrl(kept.linkedinUrl, removed.linkedinUrl),
      // The member URNs too: a messaging thread that names the person only by URN must find the merged record.
      ...optionalIds([...(kept.linkedinIds ?? []), ...(removed.linkedinIds ?? [])]),
      tags: [...new Set([...kept.tags, ...removed.tags])],
      crmIds: { ...removed.crmIds, ...kept.crmIds },
      qualification: { ...removed.qualification, ...kept.qualification },
      updatedAt: now,
    };
    const filled: string[] = [];
    for (const field of FILLABLE) {
      if (kept[field] === undefined && removed[field] !== undefined) {
        (next as Record<string, unknown>)[field] = removed[field];
        filled.push(field);
      }
    }
    const touches = await moveTouches(db, mergeId, keepId);
    const movedStageChangeIds = (await db.stageChanges.where('prospectId').equals(mergeId).primaryKeys()) as string[];
    const movedTaskIds = (await db.tasks.where('prospectId').equals(mergeId).primaryKeys()) as string[];
    const movedCadenceRunIds = (await db.cadenceRuns.where('prospectId').equals(mergeId).primaryKeys()) as string[];
    await db.stageChanges.where('prospectId').equals(mergeId).modify({ prospectId: keepId });
    await db.tasks.where('prospectId').equals(mergeId).modify({ prospectId: keepId });
    await db.cadenceRuns.where('prospectId').equals(mergeId).modify({ prospectId: keepId });
    const ticks = await moveTicks(db, mergeId, keepId);
    // The removed record goes first: its emails and profile are unique keys the kept one is about to take.
    await db.prospects.delete(mergeId);
    await db.prospects.put(next);
    const merge: MergeRecord = {
      id: newId(),
      keptId: keepId,
      removedId: mergeId,
      at: now,
      keptBefore: kept,
      removed,
      filled,
      ...touches,
      movedStageChangeIds,
      movedTaskIds,
      movedCadenceRunIds,
      ...ticks,
    };
    await db.merges.add(merge);
    return { prospect: next, merge };
  }, { now });
}

/** A source id that names its prospect (`<message>|<prospect>`, lib/email/touches.ts) follows the merge. */
function rekeyed(t: Touch, from: string, to: string): { sourceId: string; sourceKey?: string } | undefined {
  if (!t.sourceId?.endsWith(`|${from}`)) return undefined;
  const sourceId = `${t.sourceId.slice(0, -from.length)}${to}`;
  return { sourceId, sourceKey: touchSourceKey(t.channel, sourceId) };
}

async function moveTouches(db: TouchlineDb, from: string, to: string) {
  const touches = await db.touches.where('prospectId').equals(from).toArray();
  const movedTouchIds: string[] = [];
  const rekeyedTouches: NonNullable<MergeRecord['rekeyedTouches']> = [];
  const droppedTouches: Touch[] = [];
  for (const t of touches) {
    const key = rekeyed(t, from, to);
    if (key?.sourceKey && (await db.touches.where('sourceKey').equals(key.sourceKey).count())) {
      droppedTouches.push(t); // the kept prospect already has this message
      await db.touches.delete(t.id);
      continue;
    }
    movedTouchIds.push(t.id);
    if (key) rekeyedTouches.push({ id: t.id, sourceId: t.sourceId!, sourceKey: t.sourceKey });
    await db.touches.update(t.id, { prospectId: to, ...key });
  }
  return { movedTouchIds, rekeyedTouches, droppedTouches };
}

async function moveTicks(db: TouchlineDb, from: string, to: string) {
  const movedTicks = await db.criteriaTicks.where('prospectId').equals(from).toArray();
  const addedTickIds: string[] = [];
  for (const t of movedTicks) {
    const id = tickId(to, t.stageId, t.criterionId);
    if (!(await db.criteriaTicks.get(id))) {
      await db.criteriaTicks.add({ ...t, id, prospectId: to });
      addedTickIds.push(id);
    }
  }
  await db.criteriaTicks.bulkDelete(movedTicks.map((t) => t.id));
  return { movedTicks, addedTickIds };
}

/**
 * Undoes a merge: both records as they were, every moved row back with its owner. Edits made to the kept
 * record since (stage, notes, touches logged after the merge) stay with it.
 */
export async function undoMerge(db: TouchlineDb, mergeId: string, now = Date.now()): Promise<{ kept: Prospect; restored: Prospect }> {
  return write(db, async () => {
    const merge = await db.merges.get(mergeId);
    if (!merge) throw new UserError('not-found', 'That merge was already undone.');
    const current = await db.prospects.get(merge.keptId);
    if (!current) throw new UserError('not-found', 'The merged prospect no longer exists, so the merge cannot be undone.');
    const kept: Prospect = {
      ...current,
      emails: merge.keptBefore.emails,
      linkedinUrl: merge.keptBefore.linkedinUrl,
      // Ids the page showed since the merge stay; the removed record takes its own back.
      ...optionalIds([...(merge.keptBefore.linkedinIds ?? []), ...(current.linkedinIds ?? []).filter((id) => !merge.removed.linkedinIds?.includes(id))]),
      tags: current.tags.filter((t) => merge.keptBefore.tags.includes(t) || !merge.removed.tags.includes(t)),
      crmIds: merge.keptBefore.crmIds,
      qualification: { ...current.qualification, ...merge.keptBefore.qualification },
      updatedAt: now,
    };
    for (const field of merge.filled) {
      const k = field as keyof Prospect;
      if (current[k] === merge.removed[k]) (kept as Record<string, unknown>)[field] = merge.keptBefore[k];
    }
    for (const k of Object.keys(merge.removed.qualification)) {
      if (!(k in merge.keptBefore.qualification)) delete kept.qualification[k];
    }
    await db.prospects.put(kept);
    await db.prospects.add({ ...merge.removed, updatedAt: now });
    await db.touches.where('id').anyOf(merge.movedTouchIds).modify({ prospectId: merge.removedId });
    for (const r of merge.rekeyedTouches ?? []) await db.touches.update(r.id, { sourceId: r.sourceId, sourceKey: r.sourceKey });
    if (merge.droppedTouches?.length) await db.touches.bulkAdd(merge.droppedTouches);
    await db.stageChanges.where('id').anyOf(merge.movedStageChangeIds).modify({ prospectId: merge.removedId });
    await db.tasks.where('id').anyOf(merge.movedTaskIds).modify({ prospectId: merge.removedId });
    await db.cadenceRuns.where('id').anyOf(merge.movedCadenceRunIds ?? []).modify({ prospectId: merge.removedId });
    await db.criteriaTicks.bulkDelete(merge.addedTickIds ?? []);
    if (merge.movedTicks?.length) await db.criteriaTicks.bulkPut(merge.movedTicks);
    await db.merges.delete(mergeId);
    return { kept, restored: merge.removed };
  }, { now });
}
