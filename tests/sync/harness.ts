import { openDb, type TouchlineDb } from '../../lib/db/database';
import { newId, type Prospect, type Touch, type TouchChannel } from '../../lib/model';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { Clock } from '../../lib/sync/clock';
import type { Connection } from '../../lib/sync/connection';
import { enqueueEverything } from '../../lib/sync/outbox';
import type { Deadline, Fetch } from '../../lib/sync/http';
import { runSync } from '../../lib/sync/run';
import type { CrmKind } from '../../lib/sync/types';
import { onHang, REQUEST_ID_HEADER, seeded } from './fakes/server';
import { writeWithoutSideEffects } from '../../lib/store/unit-of-work';

export const STAGES = DEFAULT_SETTINGS.stages;
const CHANNELS: TouchChannel[] = ['email', 'note', 'call', 'linkedin-message', 'meeting'];

export function freshDb(): TouchlineDb {
  return openDb(`touchline-sync-${newId()}`);
}

/** `people` prospects (every 10th has only a LinkedIn URL unless `allEmail`) with `touchesEach` touches. */
export function makeData(people: number, touchesEach: number, opts: { allEmail?: boolean; start?: number } = {}) {
  const now = opts.start ?? Date.UTC(2026, 10, 1);
  const prospects: Prospect[] = [];
  const touches: Touch[] = [];
  for (let i = 0; i < people; i++) {
    const linkedinOnly = !opts.allEmail && i % 10 === 9;
    const p: Prospect = {
      id: newId(),
      name: `Person ${i} Example`,
      emails: linkedinOnly ? [] : [`person${i}@company${i % 37}.example`],
      linkedinUrl: i % 2 === 0 || linkedinOnly ? `https://www.linkedin.com/in/person-${i}/` : undefined,
      title: 'Head of Operations',
      company: `Company ${i % 37}`,
      source: { site: 'gmail', at: now },
      stageId: STAGES[i % 4]!.id,
      stageEnteredAt: now,
      qualification: {},
      tags: [],
      crmIds: {},
      createdAt: now + i,
      updatedAt: now + i,
    };
    prospects.push(p);
    for (let j = 0; j < touchesEach; j++) {
      const id = newId();
      touches.push({ id, prospectId: p.id, channel: CHANNELS[j % CHANNELS.length]!, direction: j % 2 ? 'inbound' : 'outbound', at: now + i * 100 + j, subject: `Subject ${j}`, summary: `Touch ${j} <b>with</b> ${p.name}`, createdAt: now });
    }
  }
  return { prospects, touches };
}

/** Stores the data and connects: every record is queued for the CRM, as the options page's connect does. */
export async function seedAndConnect(db: TouchlineDb, data: ReturnType<typeof makeData>, conn: Connection): Promise<number> {
  // Seeded as rows (no CRM is connected yet, so a unit of work would queue nothing either).
  await writeWithoutSideEffects(db, async () => {
    await db.prospects.bulkAdd(data.prospects);
    await db.touches.bulkAdd(data.touches);
  });
  return enqueueEverything(db, { key: 'target', connectionId: conn.id, crm: conn.crm });
}

export function connection(crm: CrmKind, baseUrl: string, token: string, stageMap: Record<string, string> = {}): Connection {
  return { id: `conn-${crm}`, crm, baseUrl, token, stageMap, connectedAt: 0 };
}

export interface RestartPlan {
  seed?: number;
  maxRuns?: number;
  /**
   * Each run is killed after a number of requests drawn from this range (inclusive): half of the kills come
   * before the request leaves, half after the CRM applied it but before the answer is read (mid-batch).
   * Omit it for runs that are never killed.
   */
  killAfterRequests?: [number, number];
}

/** `work`, or an AbortError as soon as `signal` aborts (the client gave up on the answer; the request goes on). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new DOMException('Aborted.', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('Aborted.', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Runs the engine the way a service worker lives: each run is killed after a seeded number of requests (often
 * mid-batch, mid-request), and a new run starts from the outbox, until a run finishes with the outbox empty.
 * Everything is counted in requests and virtual time; where an adapter runs lanes side by side, which request
 * is the n-th depends on the machine, and the tests check what must hold in every order.
 */
export async function runWithRestarts(db: TouchlineDb, conn: () => Connection, clock: Clock, opts: RestartPlan = {}) {
  const random = seeded(opts.seed ?? 7);
  const span = opts.killAfterRequests;
  let runs = 0;
  let killed = 0;
  let requests = 0;
  for (; runs < (opts.maxRuns ?? 500); runs++) {
    const controller = new AbortController();
    const killAt = span ? span[0] + Math.floor(random() * (span[1] - span[0] + 1)) : Infinity;
    const killAfterApply = random() < 0.5;
    let sent = 0;
    // The deadline the HTTP client makes for a request, handed to the fetch it calls next (synchronously).
    let nextDeadline: AbortController | undefined;
    const onWire = new Set<Promise<unknown>>();
    const runFetch: Fetch = async (url, init) => {
      const n = ++sent;
      const deadline = nextDeadline;
      nextDeadline = undefined;
      if (n === killAt && !killAfterApply) {
        controller.abort();
        throw new DOMException('The run was killed.', 'AbortError');
      }
      const id = `${runs}.${n}`;
      // The fake names the request it leaves hanging; that request's deadline fires at that moment.
      const wire = new AbortController();
      const stopListening = onHang(id, () => {
        wire.abort();
        deadline?.abort();
      });
      // A request on the wire reaches the CRM even when the run dies meanwhile (lanes run side by side, so a
      // kill catches others in flight); the next run starts only once the CRM has handled every one of them.
      const answer = fetch(url, { ...init, signal: wire.signal, headers: { ...(init.headers as Record<string, string>), [REQUEST_ID_HEADER]: id } }).then(async (res) => ({ res, text: await res.text() }));
      onWire.add(answer);
      void answer.catch(() => undefined).finally(() => {
        onWire.delete(answer);
        stopListening();
      });
      const { res, text } = await untilAborted(answer, init.signal);
      if (n === killAt) {
        controller.abort();
        throw new DOMException('The run was killed.', 'AbortError');
      }
      return new Response(text === '' ? null : text, { status: res.status, statusText: res.statusText, headers: res.headers });
    };
    const deadline = (): Deadline => {
      const c = new AbortController();
      nextDeadline = c;
      return { signal: c.signal, cancel: () => undefined };
    };
    const result = await runSync(db, conn(), STAGES, { fetch: runFetch, clock, signal: controller.signal, deadline, random });
    await Promise.allSettled([...onWire]);
    requests += result.requests;
    if (controller.signal.aborted) killed++;
    if (result.state === 'idle') return { runs: runs + 1, killed, requests, result };
    if (result.state === 'stopped') return { runs: runs + 1, killed, requests, result };
  }
  throw new Error(`outbox not empty after ${runs} runs: ${await db.outbox.count()} rows left`);
}
