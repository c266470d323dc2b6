import type { TouchlineDb } from '../db/database';
import type { Company, Prospect, Touch } from '../model';
import type { Stage } from '../process/stage';
import type { Batch, BatchResult, CrmAdapter, Learnt, Outcome, PersonItem, EraseResult } from './adapter';
import type { Clock } from './clock';
import type { Connection } from './connection';
import { SyncError } from './errors';
import { buildEraseBatch, divertErased, sameKind, settleErase } from './erase-delivery';
import { linkKey, type OutboxRow, type SyncClaimRow, type SyncCounterRow, type SyncLink, type SyncStatusRow } from './types';

/** Sends of one batch that may end in a retryable failure before the batch is refused with the last reason. */
export const MAX_BATCH_ATTEMPTS = 5;

export interface EngineDeps {
  db: TouchlineDb;
  connection: Connection;
  adapter: CrmAdapter;
  clock: Clock;
  stages: Stage[];
  signal?: AbortSignal;
}

export interface DrainResult {
  sent: number;
  state: SyncStatusRow['state'];
  message?: string;
  retryAt?: number;
}

/**
 * Drains the outbox into the CRM, one batch at a time, oldest change first. Safe to stop at any moment
 * (abort `signal`, or the service worker dies): rows leave the outbox only in the transaction that records
 * their CRM ids, and a batch that was claimed but not confirmed is re-sent as the same batch.
 */
export async function drain(deps: EngineDeps): Promise<DrainResult> {
  const { db, connection } = deps;
  const status = (await db.syncMeta.get('status')) as SyncStatusRow | undefined;
  if (status?.state === 'stopped') return { sent: 0, state: 'stopped', message: status.message };
  // A wait the CRM asked for (HubSpot's daily limit) holds across service-worker restarts.
  if (status?.state === 'waiting' && status.retryAt && status.retryAt > deps.clock.now())
    return { sent: 0, state: 'waiting', message: status.message, retryAt: status.retryAt };
  await setStatus(db, { state: 'running' }, deps.clock);
  let sent = 0;
  // After a whole batch is refused for its data, rows up to this seq go one at a time to find the bad one.
  let isolateThrough = -1;
  for (;;) {
    if (deps.signal?.aborted) return { sent, state: 'running' };
    const claim = (await db.syncMeta.get('claim')) as SyncClaimRow | undefined;
    const rows = claim
      ? await claimedRows(db, claim)
      : sameKind(
          deps.adapter.batchBy === 'prospect'
            ? await nextProspects(db, connection.id, deps.adapter.rowsPerBatch, isolateThrough)
            : await nextRows(db, connection.id, deps.adapter.rowsPerBatch, isolateThrough),
        );
    if (!rows.length) {
      if (claim) {
        await db.syncMeta.delete('claim');
        continue;
      }
      await setStatus(db, { state: 'idle' }, deps.clock);
      return { sent, state: 'idle' };
    }
    const maybeSent = !!claim;
    const current: SyncClaimRow = claim ?? (await newClaim(db, connection.id, rows));
    const key = current.batchKey;
    try {
      if (rows[0]!.kind === 'erase') sent += await sendErase(deps, rows, key, maybeSent);
      else {
        const batch = await buildBatch(deps, rows, key, maybeSent);
        const result = await deps.adapter.push(batch);
        sent += await settle(db, connection.id, rows, batch, result, deps.clock.now());
      }
    } catch (err) {
      if (!(err instanceof SyncError)) throw err;
      if (err.kind === 'aborted') return { sent, state: 'running' };
      if (err.kind === 'record') {
        if (rows.length > 1) {
          await releaseClaim(db, rows);
          isolateThrough = rows.at(-1)!.seq!;
          continue;
        }
        await markFailed(db, rows, err.message, deps.clock.now());
        continue;
      }
      if (err.kind === 'later') {
        const attempts = (current.attempts ?? 0) + (err.quota ? 0 : 1);
        if (attempts >= MAX_BATCH_ATTEMPTS) {
          await markFailed(db, rows, `Gave up after ${attempts} attempts: ${err.message}`, deps.clock.now());
          continue;
        }
        await db.syncMeta.put({ ...current, attempts, lastError: err.message });
        await setStatus(db, { state: 'waiting', message: err.message, retryAt: err.retryAt }, deps.clock);
        return { sent, state: 'waiting', message: err.message, retryAt: err.retryAt };
      }
      await setStatus(db, { state: 'stopped', message: err.message }, deps.clock);
      return { sent, state: 'stopped', message: err.message };
    }
  }
}

/** Deletes erased people's records through the adapter; a CRM that cannot delete refuses the rows, saying so. */
async function sendErase(deps: EngineDeps, rows: OutboxRow[], key: string, maybeSent: boolean): Promise<number> {
  const { batch, empty } = await buildEraseBatch(deps.db, deps.connection, rows, key, maybeSent);
  const erase = deps.adapter.erase?.bind(deps.adapter);
  const result: EraseResult = batch.items.length && erase ? await erase(batch) : new Map();
  if (batch.items.length && !erase)
    for (const item of batch.items)
      result.set(item.prospectId, { failed: `Touchline cannot delete records in this CRM: remove ${item.records.map((r) => `${r.kind} ${r.id}`).join(', ')} there by hand.` });
  return settleErase(deps.db, rows, empty, result, deps.clock.now());
}

/** Claims rows before they are sent, under a batch key never used before (counted per database). */
async function newClaim(db: TouchlineDb, connectionId: string, rows: OutboxRow[]): Promise<SyncClaimRow> {
  return db.transaction('rw', db.syncMeta, async () => {
    const n = (((await db.syncMeta.get('counter')) as SyncCounterRow | undefined)?.n ?? 0) + 1;
    const claim: SyncClaimRow = { key: 'claim', batchKey: `${connectionId}:${n}:${rows[0]!.seq}-${rows.at(-1)!.seq}`, seqs: rows.map((r) => r.seq!), attempts: 0 };
    await db.syncMeta.bulkPut([{ key: 'counter', n }, claim]);
    return claim;
  });
}

/** A claimed batch is resumed exactly: the same rows (those still waiting), the same key. */
async function claimedRows(db: TouchlineDb, claim: SyncClaimRow): Promise<OutboxRow[]> {
  return (await db.outbox.bulkGet(claim.seqs)).filter((r): r is OutboxRow => !!r && !r.failed);
}

/** The oldest rows not blocked by an earlier refused row of the same prospect. */
async function nextRows(db: TouchlineDb, connectionId: string, limit: number, isolateThrough: number): Promise<OutboxRow[]> {
  const blocked = new Set<string>();
  const rows: OutboxRow[] = [];
  await db.outbox.orderBy('seq').until(() => rows.length >= limit).each((r) => {
    if (r.failed) blocked.add(r.prospectId);
    else if (r.connectionId === connectionId && !blocked.has(r.prospectId)) rows.push(r);
  });
  if (rows[0] && rows[0].seq! <= isolateThrough) return rows.slice(0, 1);
  return rows;
}

/**
 * Whole prospects, oldest first: each prospect's waiting rows in seq order (up to its first refused row), until
 * the batch has `limit` rows. Only the order between prospects differs from `nextRows`; a prospect's own rows
 * keep their order, and the rest of a long history comes in the next batch.
 */
async function nextProspects(db: TouchlineDb, connectionId: string, limit: number, isolateThrough: number): Promise<OutboxRow[]> {
  const head = await nextRows(db, connectionId, 1, isolateThrough);
  if (!head.length || head[0]!.seq! <= isolateThrough) return head;
  const order = new Set<string>();
  const blocked = new Set<string>();
  await db.outbox.orderBy('seq').until(() => order.size >= limit).each((r) => {
    if (r.failed) blocked.add(r.prospectId);
    else if (r.connectionId === connectionId && !blocked.has(r.prospectId)) order.add(r.prospectId);
  });
  const byProspect = new Map<string, OutboxRow[]>();
  for (const r of await db.outbox.where('prospectId').anyOf([...order]).toArray()) {
    if (r.connectionId !== connectionId) continue;
    const list = byProspect.get(r.prospectId) ?? [];
    list.push(r);
    byProspect.set(r.prospectId, list);
  }
  const rows: OutboxRow[] = [];
  for (const id of order) {
    if (rows.length >= limit) break;
    const mine = (byProspect.get(id) ?? []).sort((a, b) => a.seq! - b.seq!);
    const refused = mine.findIndex((r) => r.failed);
    rows.push(...(refused < 0 ? mine : mine.slice(0, refused)).slice(0, limit - rows.length));
  }
  return rows.sort((a, b) => a.seq! - b.seq!);
}

async function buildBatch(deps: EngineDeps, rows: OutboxRow[], key: string, maybeSent: boolean): Promise<Batch> {
  const { db, connection } = deps;
  const touchIds = rows.filter((r) => r.kind === 'touch').map((r) => r.refId);
  const touches = (await db.touches.bulkGet(touchIds)).filter((t): t is Touch => !!t);
  const personIds = [...new Set([...rows.filter((r) => r.kind === 'prospect').map((r) => r.refId), ...touches.map((t) => t.prospectId)])];
  const prospects = new Map((await db.prospects.bulkGet(personIds)).filter((p): p is Prospect => !!p).map((p) => [p.id, p]));
  const links = new Map(
    (await db.syncLinks.bulkGet(personIds.map((id) => linkKey(connection.id, 'prospect', id))))
      .filter((l): l is SyncLink => !!l)
      .map((l) => [l.prospectId, l.remote]),
  );
  const companyIds = [...prospects.values()].map((p) => p.companyId).filter((id): id is string => !!id);
  const companies = new Map((await db.companies.bulkGet(companyIds)).filter((c): c is Company => !!c).map((c) => [c.id, c]));
  const touchLinks = new Map(
    (await db.syncLinks.bulkGet(touches.map((t) => linkKey(connection.id, 'touch', t.id)))).filter((l): l is SyncLink => !!l).map((l) => [l.key, l.remote]),
  );
  const needsPerson = new Set(rows.filter((r) => r.kind === 'prospect').map((r) => r.refId));
  // A touch whose person never reached this CRM brings the person along (kept in order: person first).
  for (const t of touches) if (!links.has(t.prospectId)) needsPerson.add(t.prospectId);
  const people: PersonItem[] = [...needsPerson]
    .map((id) => prospects.get(id))
    .filter((p): p is Prospect => !!p)
    .map((p) => ({
      prospect: p,
      company: p.companyId ? companies.get(p.companyId) : undefined,
      stage: deps.stages.find((s) => s.id === p.stageId),
      remoteStage: connection.stageMap[p.stageId],
      remote: links.get(p.id) ?? {},
    }));
  await sharedRemotes(db, connection.id, people);
  const companyNames = [...new Set(people.map((p) => (p.company?.name ?? p.prospect.company)?.toLowerCase()).filter((n): n is string => !!n))];
  const companyLinks = await db.syncLinks.bulkGet(companyNames.map((n) => linkKey(connection.id, 'company', n)));
  return {
    key,
    maybeSent,
    people,
    companies: new Map(companyNames.flatMap((n, i) => (companyLinks[i] ? [[n, companyLinks[i]!.remote] as [string, Record<string, string>]] : []))),
    touches: touches
      .filter((t) => prospects.has(t.prospectId))
      .map((t) => ({ touch: t, prospect: prospects.get(t.prospectId)!, personRemote: links.get(t.prospectId), remote: touchLinks.get(linkKey(connection.id, 'touch', t.id)) ?? {} })),
    remember: async (entries) => {
      // Database time is no time on a virtual clock: other lanes must not sleep past it meanwhile.
      const release = deps.clock.hold?.();
      try {
        await remember(db, connection.id, entries);
      } finally {
        release?.();
      }
    },
  };
}

/**
 * For prospects not yet in the CRM: the CRM records of another prospect whose primary email is theirs,
 * ignoring case (one indexed query per batch).
 */
async function sharedRemotes(db: TouchlineDb, connectionId: string, people: PersonItem[]): Promise<void> {
  const lonely = people.filter((p) => !Object.keys(p.remote).length && p.prospect.emails[0]);
  if (!lonely.length) return;
  const others = await db.prospects.where('emails').anyOfIgnoreCase(lonely.map((p) => p.prospect.emails[0]!)).toArray();
  const candidates = others.filter((o) => o.emails[0]);
  const links = await db.syncLinks.bulkGet(candidates.map((o) => linkKey(connectionId, 'prospect', o.id)));
  const byEmail = new Map<string, Record<string, string>>();
  candidates.forEach((o, i) => links[i] && byEmail.set(o.emails[0]!.toLowerCase(), links[i]!.remote));
  for (const p of lonely) {
    const shared = byEmail.get(p.prospect.emails[0]!.toLowerCase());
    if (shared) p.shared = shared;
  }
}

/** Stores ids learnt mid-batch, merged into what is known. */
async function remember(db: TouchlineDb, connectionId: string, entries: Learnt[]): Promise<void> {
  if (!entries.length) return;
  await db.transaction('rw', db.syncLinks, db.outbox, async () => {
    const keys = entries.map((e) => linkKey(connectionId, e.kind, e.id));
    const known = await db.syncLinks.bulkGet(keys);
    const links = entries.map((e, i) => ({ key: keys[i]!, connectionId, prospectId: e.prospectId, remote: { ...known[i]?.remote, ...e.remote } }));
    await db.syncLinks.bulkPut(await divertErased(db, links));
  });
}

/** Records CRM ids and removes confirmed rows in one transaction; refused rows keep waiting with the reason. */
async function settle(db: TouchlineDb, connectionId: string, rows: OutboxRow[], batch: Batch, result: BatchResult, now: number): Promise<number> {
  const personOutcome = (id: string): Outcome | undefined => result.people.get(id);
  const sentTouches = new Set(batch.touches.map((t) => t.touch.id));
  const sentPeople = new Set(batch.people.map((p) => p.prospect.id));
  const links: SyncLink[] = [];
  for (const item of batch.people) {
    const o = personOutcome(item.prospect.id);
    if (o && 'remote' in o) links.push({ key: linkKey(connectionId, 'prospect', item.prospect.id), connectionId, prospectId: item.prospect.id, remote: { ...item.remote, ...o.remote } });
  }
  for (const item of batch.touches) {
    const o = result.touches.get(item.touch.id);
    if (o && 'remote' in o) links.push({ key: linkKey(connectionId, 'touch', item.touch.id), connectionId, prospectId: item.prospect.id, remote: { ...item.remote, ...o.remote } });
  }
  const done: number[] = [];
  const refused: Array<{ key: number; changes: Partial<OutboxRow> }> = [];
  for (const row of rows) {
    const o = row.kind === 'prospect' ? personOutcome(row.refId) : (result.touches.get(row.refId) ?? personFailure(personOutcome(row.prospectId)));
    // A row whose record was deleted locally has nothing left to send.
    const missing = row.kind === 'touch' ? !sentTouches.has(row.refId) : !sentPeople.has(row.refId);
    if (missing || (o && 'remote' in o)) done.push(row.seq!);
    else refused.push({ key: row.seq!, changes: { failed: { reason: o && 'failed' in o ? o.failed : 'The CRM did not confirm this change.', at: now } } });
  }
  return db.transaction('rw', db.outbox, db.syncLinks, db.syncMeta, async () => {
    await db.syncLinks.bulkPut(await divertErased(db, links));
    await db.outbox.bulkUpdate(refused);
    await db.outbox.bulkDelete(done);
    await db.syncMeta.delete('claim');
    return done.length;
  });
}

function personFailure(o: Outcome | undefined): Outcome | undefined {
  return o && 'failed' in o ? { failed: `The person could not be saved: ${o.failed}` } : undefined;
}

async function releaseClaim(db: TouchlineDb, _rows: OutboxRow[]): Promise<void> {
  await db.syncMeta.delete('claim');
}

async function markFailed(db: TouchlineDb, rows: OutboxRow[], reason: string, now: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.syncMeta, async () => {
    await db.outbox.bulkUpdate(rows.map((r) => ({ key: r.seq!, changes: { failed: { reason, at: now } } })));
    await db.syncMeta.delete('claim');
  });
}

async function setStatus(db: TouchlineDb, s: Omit<SyncStatusRow, 'key' | 'at'>, clock: Clock): Promise<void> {
  const row: SyncStatusRow = { key: 'status', ...s, at: clock.now() };
  await db.syncMeta.put(row);
}

/** Puts a prospect's refused rows back in line (the sidebar's Retry). */
export async function retryProspect(db: TouchlineDb, prospectId: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const rows = await db.outbox.where('prospectId').equals(prospectId).toArray();
    await db.outbox.bulkUpdate(rows.filter((r) => r.failed).map((r) => ({ key: r.seq!, changes: { failed: undefined } })));
  });
}

/** Clears a stop (the connection was fixed) so the next drain runs. */
export async function clearStop(db: TouchlineDb): Promise<void> {
  await db.syncMeta.delete('status');
}
