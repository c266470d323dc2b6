import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import type { TouchlineDb } from '../db/database';
import { loadSettings } from '../settings/settings-store';
import { UserError } from '../store/errors';
import { realClock } from './clock';
import { Connection, CRM_LABELS, resolveBaseUrl, type ConnectionInput } from './connection';
import { clearStop, retryProspect } from './engine';
import { SyncError } from './errors';
import { disconnectTarget, enqueueEverything } from './outbox';
import { previewPush, refusedReasons } from './preview';
import { adapterFor, runSetup, runSync } from './run';
import { defaultStageMap } from './stage-map';
import { linkKey, type ProspectSyncState, type SyncStatusRow } from './types';

/** The connected CRM, token included. storage.local is locked to trusted contexts by the background. */
export const connectionItem = storage.defineItem<Connection | null>('local:sync.connection', { fallback: null });

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
        let conn = await connectionItem.getValue();
        if (!conn || conn.dryRun) return;
        const saveToken = renewedTokenSaver(conn.id);
        if (!conn.setup) {
          // Connected before setup existed: run it once and keep its report. Only the report is written, onto
          // the connection as stored now: writing back the copy read before setup ran would undo a dry-run
          // switch flipped meanwhile (and a CRM without a setup step has no report to keep).
          const { setup } = await runSetup(conn, { fetch: (u, i) => fetch(u, i), clock: realClock, saveToken });
          if (setup) {
            conn = { ...conn, setup };
            const latest = await connectionItem.getValue();
            if (latest?.id === conn.id) await connectionItem.setValue({ ...latest, setup });
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
function renewedTokenSaver(connectionId: string) {
  return async (token: string) => {
    const latest = await connectionItem.getValue();
    if (latest?.id === connectionId) await connectionItem.setValue({ ...latest, token });
  };
}

export async function ensureSyncAlarm(): Promise<void> {
  const conn = await connectionItem.getValue();
  if (conn) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  else await browser.alarms.clear(SYNC_ALARM);
}

async function testInput(input: ConnectionInput, withSetup = false) {
  let conn: Connection = { id: 'test', crm: input.crm, baseUrl: resolveBaseUrl(input), token: input.token, stageMap: {}, connectedAt: Date.now(), options: input.options };
  const opts = { fetch: (u: string, i: RequestInit) => fetch(u, i), clock: realClock, timeoutMs: 15_000 };
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

/** Saves a working connection. A new CRM or URL queues everything already in Touchline for it. */
export async function saveConnection(db: TouchlineDb, input: ConnectionInput) {
  const { conn, stages } = await testInput(input, true);
  const previous = await connectionItem.getValue();
  const same = previous && previous.crm === conn.crm && previous.baseUrl === conn.baseUrl;
  const saved: Connection = {
    ...conn,
    id: same ? previous.id : crypto.randomUUID(),
    stageMap: input.stageMap ?? (same ? previous.stageMap : defaultStageMap((await loadSettings()).stages, stages)),
    pipelineId: stages[0]?.pipelineId,
    connectedAt: same ? previous.connectedAt : Date.now(),
    dryRun: same ? previous.dryRun : undefined,
  };
  await connectionItem.setValue(saved);
  if (!same) {
    await disconnectTarget(db);
    await enqueueEverything(db, { key: 'target', connectionId: saved.id, crm: saved.crm });
  }
  await clearStop(db);
  await ensureSyncAlarm();
  return { stages };
}

export async function removeConnection(db: TouchlineDb): Promise<void> {
  await connectionItem.setValue(null);
  await disconnectTarget(db);
  await ensureSyncAlarm();
}

/** What the options page shows; never the token. */
export async function connectionView(db: TouchlineDb) {
  const conn = await connectionItem.getValue();
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

export async function setDryRun(on: boolean): Promise<void> {
  const conn = await connectionItem.getValue();
  if (!conn) throw new UserError('invalid', 'Connect a CRM first.');
  await connectionItem.setValue({ ...conn, dryRun: on });
}

export async function pushPreview(db: TouchlineDb) {
  const conn = await connectionItem.getValue();
  if (!conn) throw new UserError('invalid', 'Connect a CRM first.');
  return previewPush(db, conn.id);
}

/** Per prospect: synced, waiting (with why, when sync is stopped or waiting), or failed with the CRM's reason. */
export async function prospectSyncStates(db: TouchlineDb, prospectIds: string[]): Promise<ProspectSyncState[]> {
  const conn = await connectionItem.getValue();
  if (!conn) return prospectIds.map((prospectId) => ({ prospectId, state: 'off' }));
  const status = (await db.syncMeta.get('status')) as SyncStatusRow | undefined;
  return Promise.all(
    prospectIds.map(async (prospectId): Promise<ProspectSyncState> => {
      const rows = await db.outbox.where('prospectId').equals(prospectId).toArray();
      const failed = rows.find((r) => r.failed);
      if (failed) return { prospectId, state: 'failed', reason: failed.failed!.reason };
      if (rows.length) return { prospectId, state: 'waiting', reason: status && status.state !== 'running' && status.state !== 'idle' ? status.message : undefined };
      const link = await db.syncLinks.get(linkKey(conn.id, 'prospect', prospectId));
      return { prospectId, state: link ? 'synced' : 'waiting' };
    }),
  );
}

export async function retrySync(db: TouchlineDb, prospectId: string): Promise<void> {
  await retryProspect(db, prospectId);
}
