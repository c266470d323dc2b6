import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';

export const CRM_KINDS = ['hubspot', 'pipedrive', 'twenty', 'salesforce', 'webhook'] as const;
export const CrmKind = lazySchema(() => z.enum(CRM_KINDS));
export type CrmKind = z.infer<typeof CrmKind>;

/** A CRM record to delete for an erased person: the key its id is stored under in `SyncLink.remote`, and the id. */
export interface EraseRecord {
  /** `contact`, `deal`, `person`, `opportunity`, `notes`, `task`, ... (the adapter's own link keys). */
  kind: string;
  id: string;
}

/**
 * What an `erase` row carries: the CRM ids only. The person's name, emails and everything else are gone
 * from Touchline by the time it is sent, and this row must not keep any of it.
 */
export interface EraseOrder {
  records: EraseRecord[];
  /**
   * Other prospects (ids only) that share the erased person's CRM contact (an email that differs only in
   * case): a record one of them still links to is theirs too and is not deleted.
   */
  spare: string[];
}

/** One change waiting to reach the CRM. `seq` orders everything; rows of one prospect go in seq order. */
export interface OutboxRow {
  seq?: number;
  connectionId: string;
  /** `erase`: delete the erased person's records in the CRM (issue 15 item 5); the prospect is gone locally. */
  kind: 'prospect' | 'touch' | 'erase';
  prospectId: string;
  /** The prospect id for `prospect` and `erase` rows, the touch id for `touch` rows. */
  refId: string;
  at: number;
  erase?: EraseOrder;
  /** Why the CRM refused this row; the row waits (and so do later rows of its prospect) until a retry. */
  failed?: { reason: string; at: number };
}

/** The CRM a change is enqueued for; absent = no CRM connected, nothing is enqueued. */
export interface SyncTargetRow {
  key: 'target';
  connectionId: string;
  crm: CrmKind;
}

export const ENGINE_STATES = ['idle', 'running', 'waiting', 'stopped'] as const;
export interface SyncStatusRow {
  key: 'status';
  state: (typeof ENGINE_STATES)[number];
  /** Why sync stopped (bad token, refused field) or waits (rate limit, CRM down), in words a rep can act on. */
  message?: string;
  /** When a waiting engine tries again (epoch ms). */
  retryAt?: number;
  at: number;
}
/**
 * The batch being sent, stored before it is sent: after a crash the same rows go out again as the same
 * batch, with the same idempotency key, and adapters know the CRM may already hold them.
 */
export interface SyncClaimRow {
  key: 'claim';
  batchKey: string;
  seqs: number[];
  /** Sends of this batch that ended in a failure retrying might fix; after MAX_BATCH_ATTEMPTS it is refused. */
  attempts?: number;
  lastError?: string;
}
/** Per connection: how many batches were claimed, so every batch key is new (a webhook's Idempotency-Key). */
export interface SyncCounterRow {
  key: 'counter';
  n: number;
}
export type SyncMetaRow = SyncTargetRow | SyncStatusRow | SyncClaimRow | SyncCounterRow;

/** Where a local record lives in the CRM, per connection: `remote` holds e.g. {contact, company, deal}. */
export interface SyncLink {
  key: string;
  connectionId: string;
  prospectId: string;
  remote: Record<string, string>;
}

/** Links are per prospect, per touch, and per company name (an organisation several prospects share). */
export const linkKey = (connectionId: string, kind: 'prospect' | 'touch' | 'company', id: string) => `${connectionId}|${kind}|${id}`;

export const ProspectSyncState = lazySchema(() =>
  z.object({
    prospectId: z.string(),
    state: z.enum(['off', 'synced', 'waiting', 'failed']),
    reason: z.string().optional(),
  }),
);
export type ProspectSyncState = z.infer<typeof ProspectSyncState>;
