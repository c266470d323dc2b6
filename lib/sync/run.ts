import type { TouchlineDb } from '../db/database';
import type { Stage } from '../process/stage';
import type { CrmAdapter } from './adapter';
import { ADAPTERS } from './adapters';
import type { Clock } from './clock';
import type { Connection } from './connection';
import { drain, type DrainResult } from './engine';
import { CrmHttp, type Deadline, type Fetch, type HttpOptions } from './http';

export interface RunOptions {
  fetch: Fetch;
  clock: Clock;
  signal?: AbortSignal;
  timeoutMs?: number;
  deadline?: (timeoutMs: number) => Deadline;
  random?: () => number;
  /** Where a token the CRM renewed during the run is stored (see AdapterHost). */
  saveToken?: (token: string) => Promise<void>;
}

/** The adapter for a connection, with an HTTP client that shares the run's fetch, clock and stop signal. */
export function adapterFor(conn: Connection, opts: RunOptions): { adapter: CrmAdapter; clients: CrmHttp[] } {
  const clients: CrmHttp[] = [];
  const http: HttpOptions = { fetch: opts.fetch, clock: opts.clock, signal: opts.signal, timeoutMs: opts.timeoutMs, deadline: opts.deadline, random: opts.random };
  const adapter = ADAPTERS[conn.crm](
    conn,
    (policy) => {
      const c = new CrmHttp(policy, http);
      clients.push(c);
      return c;
    },
    { saveToken: opts.saveToken },
  );
  return { adapter, clients };
}

/**
 * The setup step on connect: creates or finds what the adapter needs in the account and returns the
 * connection with the report (stored with it, shown on the options page).
 */
export async function runSetup(conn: Connection, opts: RunOptions): Promise<Connection> {
  const { adapter } = adapterFor(conn, opts);
  if (!adapter.setup) return conn;
  const report = await adapter.setup();
  return { ...conn, setup: { at: opts.clock.now(), ...report } };
}

/** One engine run: drains the outbox for `conn` until it is empty, stopped, told to wait, or aborted. */
export async function runSync(db: TouchlineDb, conn: Connection, stages: Stage[], opts: RunOptions): Promise<DrainResult & { requests: number }> {
  const { adapter, clients } = adapterFor(conn, opts);
  const result = await drain({ db, connection: conn, adapter, clock: opts.clock, stages, signal: opts.signal });
  return { ...result, requests: clients.reduce((n, c) => n + c.requests, 0) };
}
