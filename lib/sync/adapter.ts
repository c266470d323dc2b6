import type { Company, Prospect, Touch } from '../model';
import type { Stage } from '../process/stage';
import type { Connection } from './connection';
import { Ambiguous, type CrmHttp, type HttpPolicy } from './http';

/** A person to create or update in the CRM, with what we already know of their CRM records. */
export interface PersonItem {
  prospect: Prospect;
  company?: Company;
  stage?: Stage;
  /** CRM stage id from the connection's stage map. */
  remoteStage?: string;
  remote: Record<string, string>;
}

export interface TouchItem {
  touch: Touch;
  prospect: Prospect;
  /** The person's CRM records (known before the batch, or filled by this batch's people). */
  personRemote?: Record<string, string>;
}

export interface Batch {
  /** Stable across retries and restarts of the same rows: the idempotency key where the API has one. */
  key: string;
  people: PersonItem[];
  touches: TouchItem[];
  /** The rows were claimed before (a crash or stop mid-send): the CRM may already hold some of them. */
  maybeSent: boolean;
}

export type Outcome = { remote: Record<string, string> } | { failed: string };

export interface BatchResult {
  people: Map<string, Outcome>;
  touches: Map<string, Outcome>;
}

export interface RemoteStage {
  id: string;
  label: string;
  pipelineId?: string;
  pipelineLabel?: string;
}

export interface CrmAdapter {
  /** Outbox rows per engine batch; the adapter splits them into calls within each API's own limit. */
  rowsPerBatch: number;
  push(batch: Batch): Promise<BatchResult>;
  /** Proves the token and URL work with one cheap read; throws a SyncError that says why not. */
  test(): Promise<string>;
  stages(): Promise<RemoteStage[]>;
}

export type AdapterFactory = (conn: Connection, http: (policy: HttpPolicy) => CrmHttp) => CrmAdapter;

export function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export function splitName(name: string): { first: string; last: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { first: parts[0] ?? '', last: '' };
  return { first: parts.slice(0, -1).join(' '), last: parts.at(-1) ?? '' };
}

export function companyDomain(item: PersonItem): string | undefined {
  return item.company?.domain ?? item.prospect.emails[0]?.split('@')[1];
}

/**
 * Create-once for APIs without server-side dedupe: runs `find`, creates only when nothing is found, and
 * after a lost answer (Ambiguous) goes back to `find` instead of retrying the create blindly.
 */
export async function once<T>(find: () => Promise<T | undefined>, create: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 0; ; i++) {
    const hit = await find();
    if (hit !== undefined) return hit;
    try {
      return await create();
    } catch (err) {
      if (!(err instanceof Ambiguous) || i >= attempts) throw err;
    }
  }
}
