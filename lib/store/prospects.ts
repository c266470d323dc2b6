import type { TouchlineDb } from '../db/database';
import { newId, type NewProspect, type Prospect, type ProspectPatch } from '../model';
import type { Settings } from '../settings/settings';
import { write } from './unit-of-work';
import { UserError } from './errors';
import { syncNextStepTask } from './tasks';
import { normalizeEmail } from './identity';
import { findByLinkedInIds, identityIds, joinedIdentity } from './linkedin-identity';

export interface PersonKey {
  emails?: string[];
  linkedinUrl?: string;
  /** LinkedIn member URNs (see linkedin-identity.ts). */
  linkedinIds?: string[];
}

/** The prospect a person already is, by any of their emails, their LinkedIn URL or member URNs. */
export async function findProspect(db: TouchlineDb, key: PersonKey): Promise<Prospect | undefined> {
  const emails = (key.emails ?? []).map(normalizeEmail);
  if (emails.length) {
    const hit = await db.prospects.where('emails').anyOf(emails).first();
    if (hit) return hit;
  }
  if (key.linkedinUrl) {
    const hit = await db.prospects.where('linkedinUrl').equals(key.linkedinUrl).first();
    if (hit) return hit;
  }
  return findByLinkedInIds(db, identityIds(key.linkedinUrl, key.linkedinIds));
}

/** Looks up many people at once (a thread's participants, a search page); result is aligned with `keys`. */
export async function findProspects(db: TouchlineDb, keys: PersonKey[]): Promise<(Prospect | null)[]> {
  return Promise.all(keys.map(async (k) => (await findProspect(db, k)) ?? null));
}

/**
 * Adds a person, or returns the existing record when any email or the LinkedIn URL is already known
 * (`created: false`): capturing the same person twice never makes a duplicate.
 */
export async function addProspect(
  db: TouchlineDb,
  input: NewProspect,
  settings: Settings,
  now = Date.now(),
): Promise<{ prospect: Prospect; created: boolean }> {
  const emails = [...new Set((input.emails ?? []).map(normalizeEmail))];
  if (!emails.length && !input.linkedinUrl) throw new UserError('invalid', 'A prospect needs an email address or a LinkedIn profile.');
  const first = settings.stages[0];
  if (!first) throw new UserError('invalid', 'The sales process has no stages.');
  return write(db, async () => {
    const existing = await findProspect(db, { emails, linkedinUrl: input.linkedinUrl, linkedinIds: input.linkedinIds });
    if (existing) {
      // The same member seen by another of their LinkedIn names: keep both, never a second prospect.
      const joined = await joinedIdentity(db, existing, input);
      if (!joined) return { prospect: existing, created: false };
      const next = { ...joined, updatedAt: now };
      await db.prospects.put(next);
      return { prospect: next, created: false };
    }
    const prospect: Prospect = {
      id: newId(),
      name: input.name.trim(),
      emails,
      linkedinUrl: input.linkedinUrl,
      ...(input.linkedinIds?.length ? { linkedinIds: identityIds(input.linkedinUrl, input.linkedinIds) } : {}),
      headline: input.headline,
      title: input.title,
      company: input.company,
      phone: input.phone,
      location: input.location,
      source: input.source ?? { site: 'manual', at: now },
      stageId: first.id,
      stageEnteredAt: now,
      qualification: {},
      tags: [],
      crmIds: {},
      createdAt: now,
      updatedAt: now,
    };
    await db.prospects.add(prospect);
    await db.stageChanges.add({
      id: newId(),
      prospectId: prospect.id,
      from: null,
      fromName: null,
      to: first.id,
      toName: first.name,
      at: now,
    });
    return { prospect, created: true };
  }, { settings, now });
}

export async function getProspect(db: TouchlineDb, id: string): Promise<Prospect> {
  const p = await db.prospects.get(id);
  if (!p) throw new UserError('not-found', 'That prospect no longer exists.');
  return p;
}

export async function updateProspect(db: TouchlineDb, id: string, patch: ProspectPatch, now = Date.now()): Promise<Prospect> {
  return write(db, async () => {
    const p = await getProspect(db, id);
    const next = { ...p, ...patch, updatedAt: now } as Prospect;
    // null clears an optional field (a rep emptied the deal value or the close date).
    for (const key of Object.keys(patch) as Array<keyof ProspectPatch>) if (patch[key] === null) delete next[key];
    await db.prospects.put(next);
    // A next step with a date is a follow-up: the badge and the popup count it (issue 5).
    if ('nextStep' in patch || 'followUpAt' in patch) await syncNextStepTask(db, next, now);
    return next;
  }, { now });
}

/** Newest first. */
export async function listProspects(db: TouchlineDb, limit = 200): Promise<Prospect[]> {
  return db.prospects.orderBy('updatedAt').reverse().limit(limit).toArray();
}
