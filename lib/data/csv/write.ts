import type { TouchlineDb } from '../../db/database';
import { newId, Prospect, type StageChange } from '../../model';
import type { Stage } from '../../process/stage';
import type { Settings } from '../../settings/settings';
import { write } from '../../store/unit-of-work';
import { TEXT_FIELDS, type ImportRecord, type Reject } from './record';

/** Counts are of rows: a person on two rows of the file is created by the first and updated by the second. */
export interface BatchResult {
  created: number;
  updated: number;
  unchanged: number;
  rejects: Reject[];
}

const linkedinSlug = (url: string) => url.split('/in/')[1] ?? url;

/** What an import changes on an existing person; undefined when the row says nothing new. */
function mergeInto(p: Prospect, r: ImportRecord, stages: Stage[], now: number): { next: Prospect; change?: StageChange } | undefined {
  const next: Prospect = { ...p };
  let changed = false;
  const set = <K extends keyof Prospect>(k: K, v: Prospect[K] | undefined) => {
    if (v !== undefined && v !== next[k]) {
      next[k] = v;
      changed = true;
    }
  };
  set('name', r.name);
  for (const f of TEXT_FIELDS) set(f, r[f]);
  const emails = [...new Set([...p.emails, ...r.emails])];
  if (emails.length !== p.emails.length) set('emails', emails);
  if (r.linkedinUrl && !p.linkedinUrl) set('linkedinUrl', r.linkedinUrl);
  const tags = [...new Set([...p.tags, ...r.tags])];
  if (tags.length !== p.tags.length) set('tags', tags);
  let change: StageChange | undefined;
  if (r.stageId && r.stageId !== p.stageId) {
    const from = stages.find((s) => s.id === p.stageId);
    const to = stages.find((s) => s.id === r.stageId)!;
    change = { id: newId(), prospectId: p.id, from: p.stageId, fromName: from?.name ?? p.stageId, to: to.id, toName: to.name, at: now, reason: 'Imported from CSV' };
    next.stageId = to.id;
    next.stageEnteredAt = now;
    changed = true;
  }
  if (!changed) return undefined;
  next.updatedAt = now;
  return { next, change };
}

function create(r: ImportRecord, stages: Stage[], now: number): { next: Prospect; change: StageChange } {
  const stage = stages.find((s) => s.id === r.stageId) ?? stages[0]!;
  const id = newId();
  const next: Prospect = {
    id,
    name: r.name ?? r.emails[0] ?? linkedinSlug(r.linkedinUrl!),
    emails: r.emails,
    linkedinUrl: r.linkedinUrl,
    source: { site: 'import', at: now },
    stageId: stage.id,
    stageEnteredAt: now,
    qualification: {},
    tags: r.tags,
    crmIds: {},
    createdAt: now,
    updatedAt: now,
  };
  for (const f of TEXT_FIELDS) if (r[f] !== undefined) next[f] = r[f];
  return { next, change: { id: newId(), prospectId: id, from: null, fromName: null, to: stage.id, toName: stage.name, at: now, reason: 'Imported from CSV' } };
}

/**
 * Writes one batch of good rows as one unit of work (all of it or none). Each row is matched to an existing
 * person by any of its emails or its LinkedIn URL, so importing the same file again changes nothing; a row
 * that matches two different people, or would give a person a second LinkedIn URL, is rejected instead.
 */
export async function writeBatch(db: TouchlineDb, records: ImportRecord[], settings: Settings, now = Date.now()): Promise<BatchResult> {
  const stages = settings.stages;
  const result: BatchResult = { created: 0, updated: 0, unchanged: 0, rejects: [] };
  if (!records.length) return result;
  // One unit of work: the CRM outbox, scores and the rest follow from the rows written (lib/store).
  return write(db, async () => {
    const emails = [...new Set(records.flatMap((r) => r.emails))];
    const urls = [...new Set(records.flatMap((r) => (r.linkedinUrl ? [r.linkedinUrl] : [])))];
    const [byEmailRows, byUrlRows] = await Promise.all([
      emails.length ? db.prospects.where('emails').anyOf(emails).toArray() : [],
      urls.length ? db.prospects.where('linkedinUrl').anyOf(urls).toArray() : [],
    ]);
    // The batch's own view of people: rows later in the file see people created or changed earlier in it.
    const people = new Map<string, Prospect>();
    const byEmail = new Map<string, string>();
    const byUrl = new Map<string, string>();
    const remember = (p: Prospect) => {
      people.set(p.id, p);
      for (const e of p.emails) byEmail.set(e, p.id);
      if (p.linkedinUrl) byUrl.set(p.linkedinUrl, p.id);
    };
    [...byEmailRows, ...byUrlRows].forEach(remember);
    const touched = new Map<string, Prospect>();
    const changes: StageChange[] = [];
    for (const r of records) {
      const ids = new Set([...r.emails.map((e) => byEmail.get(e)), r.linkedinUrl ? byUrl.get(r.linkedinUrl) : undefined].filter((x): x is string => !!x));
      if (ids.size > 1) {
        const names = [...ids].map((id) => people.get(id)!.name).join(' and ');
        result.rejects.push({ line: r.line, reason: `matches two different people already known (${names})`, cells: [] });
        continue;
      }
      const existing = ids.size ? people.get([...ids][0]!)! : undefined;
      if (existing && r.linkedinUrl && existing.linkedinUrl && existing.linkedinUrl !== r.linkedinUrl) {
        result.rejects.push({ line: r.line, reason: `${existing.name} already has another LinkedIn URL (${existing.linkedinUrl})`, cells: [] });
        continue;
      }
      const out = existing ? mergeInto(existing, r, stages, now) : create(r, stages, now);
      if (!out) {
        result.unchanged++;
        continue;
      }
      const valid = Prospect.safeParse(out.next);
      if (!valid.success) {
        result.rejects.push({ line: r.line, reason: valid.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), cells: [] });
        continue;
      }
      if (existing) result.updated++;
      else result.created++;
      if (out.change) changes.push(out.change);
      remember(out.next);
      touched.set(out.next.id, out.next);
    }
    if (touched.size) await db.prospects.bulkPut([...touched.values()]);
    if (changes.length) await db.stageChanges.bulkAdd(changes);
    return result;
  }, { settings, now });
}
