import { z } from 'zod';
import { Company, MergeRecord, Prospect, StageChange, Task, Touch } from '../../model';
import { CadenceRun } from '../../process/cadence';
import { CrmKind, ENGINE_STATES } from '../../sync/types';

// Rows of the tables that have no zod schema of their own (their types are plain interfaces in lib/store and
// lib/sync). Kept next to the backup because restoring is where an unchecked row would do harm.
const CriterionTick = z.object({ id: z.string(), prospectId: z.string(), stageId: z.string(), criterionId: z.string(), at: z.number() });
const Engagement = z.object({ prospectId: z.string(), touches: z.number().int().min(0), replies: z.number().int().min(0), lastTouchAt: z.number().optional() });
const Scoreboard = z.object({
  id: z.enum(['ids', 'parts', 'scores']),
  ids: z.array(z.string()).optional(),
  parts: z.instanceof(Float64Array).optional(),
  scores: z.instanceof(Uint8Array).optional(),
  // The stage column beside the scores (lib/store/stage-column.ts); older backups lack it and it is rebuilt.
  stages: z.instanceof(Uint8Array).optional(),
  stageKeys: z.array(z.string()).optional(),
  weights: z.record(z.string(), z.number()).optional(),
  at: z.number().optional(),
});
const DueBins = z.object({ id: z.literal('open-tasks'), bins: z.record(z.string(), z.number()) });
const OutboxRow = z.object({
  seq: z.number().int().optional(),
  connectionId: z.string(),
  kind: z.enum(['prospect', 'touch', 'erase']),
  prospectId: z.string(),
  refId: z.string(),
  at: z.number(),
  erase: z.object({ records: z.array(z.object({ kind: z.string(), id: z.string() })), spare: z.array(z.string()) }).optional(),
  failed: z.object({ reason: z.string(), at: z.number() }).optional(),
});
const SyncMeta = z.discriminatedUnion('key', [
  z.object({ key: z.literal('target'), connectionId: z.string(), crm: CrmKind }),
  z.object({ key: z.literal('status'), state: z.enum(ENGINE_STATES), message: z.string().optional(), retryAt: z.number().optional(), at: z.number() }),
  z.object({ key: z.literal('claim'), batchKey: z.string(), seqs: z.array(z.number()) }),
]);
const SyncLink = z.object({ key: z.string(), connectionId: z.string(), prospectId: z.string(), remote: z.record(z.string(), z.string()) });

/**
 * Every table a backup holds, in the order it is written and restored (companies before the prospects that
 * point at them, prospects before their rows), with the schema each row must pass. A table added to the
 * database must be added here: tests/unit/data-backup.test.ts fails until it is.
 */
export const BACKUP_TABLES = {
  companies: Company,
  prospects: Prospect,
  touches: Touch,
  stageChanges: StageChange,
  tasks: Task,
  cadenceRuns: CadenceRun,
  criteriaTicks: CriterionTick,
  merges: MergeRecord,
  engagement: Engagement,
  scoreboard: Scoreboard,
  counters: DueBins,
  outbox: OutboxRow,
  syncMeta: SyncMeta,
  syncLinks: SyncLink,
} satisfies Record<string, z.ZodType>;

export type BackupTable = keyof typeof BACKUP_TABLES;
/**
 * Tables a backup never holds: the CRM connection and its token stay in this browser (issue 12 §1); the
 * metrics digest is rebuilt from the restored rows on the metrics page's first read (a restore clears it).
 */
export const NEVER_BACKED_UP: ReadonlySet<string> = new Set(['secrets', 'metricsDigest']);
export const TABLE_NAMES = Object.keys(BACKUP_TABLES) as BackupTable[];

/** Figures derived from other rows: a merge restore rebuilds them instead of copying them. */
export const DERIVED_TABLES: ReadonlySet<BackupTable> = new Set(['engagement', 'scoreboard', 'counters']);
/** The connected CRM's bookkeeping: it belongs to this profile's connection, so a merge keeps the local one. */
export const SYNC_TABLES: ReadonlySet<BackupTable> = new Set(['outbox', 'syncMeta', 'syncLinks']);
