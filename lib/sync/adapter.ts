import type { Company, Prospect, Touch } from '../model';
import type { Stage } from '../process/stage';
import type { Connection } from './connection';
import type { EraseRecord } from './types';
import { Ambiguous, type CrmHttp, type HttpPolicy } from './http';

/** A person to create or update in the CRM, with what we already know of their CRM records. */
export interface PersonItem {
  prospect: Prospect;
  company?: Company;
  stage?: Stage;
  /** CRM stage id from the connection's stage map. */
  remoteStage?: string;
  remote: Record<string, string>;
  /**
   * The CRM records of another prospect with the same email (ignoring case), when this one has none yet: CRMs
   * keep one contact per email, so both prospects belong to that contact (each keeps its own deal).
   */
  shared?: Record<string, string>;
}

export interface TouchItem {
  touch: Touch;
  prospect: Prospect;
  /** The person's CRM records (known before the batch, or filled by this batch's people). */
  personRemote?: Record<string, string>;
  /** This touch's own CRM records, kept from the first create (update them, never create again). */
  remote: Record<string, string>;
}

/** A CRM id learnt mid-batch, stored at once so a crash before the batch ends cannot lose it. */
export interface Learnt {
  /** `company`: `id` is the company name in lower case, `prospectId` empty. */
  kind: 'prospect' | 'touch' | 'company';
  id: string;
  prospectId: string;
  remote: Record<string, string>;
}

export interface Batch {
  /** Stable across retries and restarts of the same rows: the idempotency key where the API has one. */
  key: string;
  people: PersonItem[];
  touches: TouchItem[];
  /** The rows were claimed before (a crash or stop mid-send): the CRM may already hold some of them. */
  maybeSent: boolean;
  /** CRM records of the batch's companies, by company name in lower case (kept from the first create). */
  companies: Map<string, Record<string, string>>;
  /** Stores CRM ids as soon as a create answers (the engine's link table); adapters await it. */
  remember(entries: Learnt[]): Promise<void>;
}

export type Outcome = { remote: Record<string, string> } | { failed: string };

export interface BatchResult {
  people: Map<string, Outcome>;
  touches: Map<string, Outcome>;
}

/** An erased person's CRM records to delete (ids only: nothing else of them is left in Touchline). */
export interface EraseItem {
  /** The erased prospect's Touchline id (a random id, not personal data): the webhook's event id. */
  prospectId: string;
  records: EraseRecord[];
}

export interface EraseBatch {
  key: string;
  items: EraseItem[];
  /** Sent before (a crash mid-send): some records may be gone already, which counts as done. */
  maybeSent: boolean;
}

/** Per erased prospect: deleted (or already gone), or why the CRM refused. */
export type EraseResult = Map<string, { done: true } | { failed: string }>;

export interface RemoteStage {
  id: string;
  label: string;
  pipelineId?: string;
  pipelineLabel?: string;
}

/** What the setup step on connect found or made in the CRM account, shown on the options page. */
export interface SetupReport {
  /** Things Touchline created in the account, in words ("HubSpot contact property touchline_id (unique)"). */
  created: string[];
  /** Things it found and will use. */
  found: string[];
  /** What the user must do where the API does not let Touchline do it; sync may be limited until then. */
  todo: string[];
  /** Values the adapter needs later (Pipedrive's LinkedIn field key, Salesforce's external-ID field). */
  values: Record<string, string>;
}

export interface CrmAdapter {
  /** Outbox rows per engine batch; the adapter splits them into calls within each API's own limit. */
  rowsPerBatch: number;
  /**
   * `prospect`: a batch takes whole prospects (a person with their touches) instead of the oldest rows, for an
   * adapter that pushes people side by side: a batch of people only, then of touches only, would leave one
   * rate-limit window idle while the other binds (Pipedrive's search and write windows). Default `seq`.
   */
  batchBy?: 'seq' | 'prospect';
  push(batch: Batch): Promise<BatchResult>;
  /**
   * Deletes erased people's records with the vendor's deletion API; a record already gone (404) counts as
   * deleted. Absent where the API cannot delete: the erase page names the records to remove by hand.
   */
  erase?(batch: EraseBatch): Promise<EraseResult>;
  /** Proves the token and URL work with one cheap read; throws a SyncError that says why not. */
  test(): Promise<string>;
  stages(): Promise<RemoteStage[]>;
  /** Creates or finds what sync needs in the account (custom properties and fields); safe to run again. */
  setup?(): Promise<SetupReport>;
}

/** What an adapter may ask of whoever runs it. */
export interface AdapterHost {
  /**
   * Stores a new token for this connection where its secrets are kept (Salesforce's refreshed access token):
   * without it every service-worker start would refresh again.
   */
  saveToken?(token: string): Promise<void>;
}

export type AdapterFactory = (conn: Connection, http: (policy: HttpPolicy) => CrmHttp, host?: AdapterHost) => CrmAdapter;

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
