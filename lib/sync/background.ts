import { browser } from 'wxt/browser';
import type { TouchlineDb } from '../db/database';
import { loadSettings } from '../settings/settings-store';
import { UserError } from '../store/errors';
import { realClock } from './clock';
import { Connection, CRM_LABELS, resolveBaseUrl, type ConnectionInput } from './connection';
import { clearStop, retryProspect } from './engine';
import { SyncError } from './errors';
import { readConnection, writeConnection } from './connection-store';
import { hostAccessDenied, releaseHostAccess } from './host-access';
import { disconnectTarget, enqueueEverything, enqueueMissing } from './outbox';
import { previewPush, refusedReasons } from './preview';
import { adapterFor, runSetup, runSync } from './run';
import { defaultStageMap } from './stage-map';
import type { SyncStatusRow } from './types';
// Kept in its own module so the service worker answers a page (page.people) without loading the engine.
export { prospectSyncStates } from './sync-states';

export const SYNC_ALARM = 'touchline-sync';

let running: Promise<void> | undefined;
let again = false;

/**
 * Starts a drain unless one runs (then it runs once more after). The periodic alarm brings a stopped
 * service worker back to finish the outbox; a rate-limit wait sets a one-off alarm at its retry time.
 */
export function kickSync(db: TouchlineDb, onChange: () => void): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        let conn = await readConnection(db);
        if (!conn || conn.dryRun) return;
        // The token goes only to origins the rep still grants (they can withdraw one at chrome://extensions).
        const denied = await hostAccessDenied(conn);
        if (denied) {
          const stop: SyncStatusRow = { key: 'status', state: 'stopped', message: noLongerGranted(conn, denied), at: Date.now() };
          await db.syncMeta.put(stop);
          onChange();
          return;
        }
        const saveToken = renewedTokenSaver(db, conn.id);
        if (!conn.setup) {
          // Connected before setup existed: run it once and keep its report. Only the report is written, onto
          // the connection as stored now: writing back the copy read before setup ran would undo a dry-run
          // switch flipped meanwhile (and a CRM without a setup step has no report to keep).
          const { setup } = await runSetup(conn, { fetch: (u, i) => fetch(u, i), clock: realClock, saveToken });
          if (setup) {
            conn = { ...conn, setup };
            const latest = await readConnection(db);
            if (latest?.id === conn.id) await writeConnection(db, { ...latest, setup });
          }
        }
        const result = await runSync(db, conn, (await loadSettings()).stages, { fetch: (u, i) => fetch(u, i), clock: realClock, saveToken });
        if (result.state === 'waiting' && result.retryAt) await browser.alarms.create(`${SYNC_ALARM}-retry`, { when: result.retryAt });
        onChange();
      } while (again);
    } catch (err) {
      console.error('[touchline] sync run failed', err);
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/**
 * Stores a token the CRM renewed during a run (Salesforce's access token) onto the connection as stored now,
 * if it is still the same connection: the next service worker starts with it instead of refreshing again.
 */
function renewedTokenSaver(db: TouchlineDb, connectionId: string) {
  return async (token: string) => {
    const latest = await readConnection(db);
    if (latest?.id === connectionId) await writeConnection(db, { ...latest, token });
  };
}

export async function ensureSyncAlarm(db: TouchlineDb): Promise<void> {
  const conn = await readConnection(db);
  if (conn) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  else await browser.alarms.clear(SYNC_ALARM);
}

async function testInput(input: ConnectionInput, withSetup = false) {
  let conn: Connection = { id: 'test', crm: input.crm, baseUrl: resolveBaseUrl(input), token: input.token, stageMap: {}, connectedAt: Date.now(), options: input.options };
  const opts = { fetch: (u: string, i: RequestInit) => fetch(u, i), clock: realClock, timeoutMs: 15_000 };
  const denied = await hostAccessDenied(conn);
  if (denied) throw new UserError('invalid', `Touchline may not reach ${denied.replace('/*', '')}: allow access when the browser asks, or ${CRM_LABELS[input.crm]} cannot be connected.`);
  const { adapter } = adapterFor(conn, opts);
  try {
    const message = await adapter.test();
    const stages = await adapter.stages();
    // The setup step on connect: what sync needs in the account, created or found (shown on the options page).
    if (withSetup) conn = await runSetup(conn, opts);
    return { conn, message, stages };
  } catch (err) {
    if (err instanceof SyncError) throw new UserError('invalid', `${CRM_LABELS[input.crm]} connection failed: ${err.message}`);
    throw new UserError('invalid', `${CRM_LABELS[input.crm]} connection failed: ${(err as Error).message}`);
  }
}

export async function testConnection(input: ConnectionInput) {
  try {
    const { message, stages } = await testInput(input);
    return { ok: true, message, stages };
  } catch (err) {
    return { ok: false, message: (err as Error).message, stages: [] };
  }
}

/**
 * Saves a working connection. A new CRM or URL queues everything already in Touchline for it; saving the same
 * one again queues whatever is neither synced nor waiting. The connection and its queue commit together.
 */
export async function saveConnection(db: TouchlineDb, input: ConnectionInput) {
  const { conn, stages } = await testInput(input, true);
  const previous = await readConnection(db);
  const same = previous && previous.crm === conn.crm && previous.baseUrl === conn.baseUrl;
  const saved: Connection = {
    ...conn,
    id: same ? previous.id : crypto.randomUUID(),
    stageMap: input.stageMap ?? (same ? previous.stageMap : defaultStageMap((await loadSettings()).stages, stages)),
    pipelineId: stages[0]?.pipelineId,
    connectedAt: same ? previous.connectedAt : Date.now(),
    dryRun: same ? previous.dryRun : undefined,
  };
  await storeConnection(db, saved, !same);
  await ensureSyncAlarm(db);
  return { stages };
}

/** The connection and the outbox rows it needs, in one transaction: both are stored or neither is. */
export async function storeConnection(db: TouchlineDb, saved: Connection, isNew: boolean): Promise<void> {
  const target = { key: 'target', connectionId: saved.id, crm: saved.crm } as const;
  await db.transaction('rw', [db.secrets, db.syncMeta, db.outbox, db.syncLinks, db.prospects, db.touches], async () => {
    await writeConnection(db, saved);
    if (isNew) {
      await disconnectTarget(db);
      await enqueueEverything(db, target);
    } else {
      await enqueueMissing(db, target);
    }
    await clearStop(db);
  });
}

/** Forgets the connection and its queue, and gives back the hosts it was granted. */
export async function removeConnection(db: TouchlineDb): Promise<void> {
  const conn = await readConnection(db);
  await db.transaction('rw', [db.secrets, db.syncMeta, db.outbox], async () => {
    await writeConnection(db, null);
    await disconnectTarget(db);
  });
  if (conn) await releaseHostAccess(conn);
  await ensureSyncAlarm(db);
}

function noLongerGranted(conn: Connection, origin: string): string {
  return `Touchline may no longer reach ${origin.replace('/*', '')}, so nothing is sent to ${CRM_LABELS[conn.crm]}. Connect it again in Touchline's options and allow access when the browser asks.`;
}

/** What the options page shows; never the token. */
export async function connectionView(db: TouchlineDb) {
  const conn = await readConnection(db);
  const status = (await db.syncMeta.get('status')) as SyncStatusRow | undefined;
  const rows = await db.outbox.toArray();
  return {
    connected: !!conn,
    crm: conn?.crm,
    baseUrl: conn?.baseUrl,
    stageMap: conn?.stageMap ?? {},
    state: status?.state ?? 'idle',
    message: conn?.dryRun ? 'Dry run: nothing is sent to the CRM until you turn it off.' : status?.message,
    retryAt: status?.state === 'waiting' ? status.retryAt : undefined,
    pending: rows.filter((r) => !r.failed).length,
    failed: rows.filter((r) => r.failed).length,
    dryRun: !!conn?.dryRun,
    setup: conn?.setup ? { created: conn.setup.created, found: conn.setup.found, todo: conn.setup.todo } : undefined,
    refused: await refusedReasons(db),
  };
}

export async function setDryRun(db: TouchlineDb, on: boolean): Promise<void> {
  const conn = await readConnection(db);
  if (!conn) throw new UserError('invalid', 'Connect a CRM first.');
  await writeConnection(db, { ...conn, dryRun: on });
}

export async function pushPreview(db: TouchlineDb) {
  const conn = await readConnection(db);
  if (!conn) throw new UserError('invalid', 'Connect a CRM first.');
  return previewPush(db, conn.id);
}

export async function retrySync(db: TouchlineDb, prospectId: string): Promise<void> {
  await retryProspect(db, prospectId);
}
