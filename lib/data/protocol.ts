import type { HomeFilter } from '../home/filters';
import type { Stage } from '../process/stage';
import type { Settings } from '../settings/settings';
import type { Encoding, ImportProgress, ImportSummary, Mapping } from './csv';
import type { BackupProgress, RestoreMode, RestoreProgress, RestoreSummary } from './backup';

/** What the data page asks its worker to do (the long jobs run off the page's main thread). */
export type WorkerJob =
  | { job: 'import'; file: Blob; mapping: Mapping; settings: Settings; encoding?: Encoding }
  | { job: 'backup'; settings: Settings }
  /**
   * The prospects of a view: the ids of a selection in the view's order, or what a home filter keeps (the
   * worker runs the same index query as the board and list, at `now` in `timeZone`), or every prospect.
   */
  | { job: 'export'; stages: Stage[]; ids?: string[]; filter?: HomeFilter; now?: number; timeZone?: string }
  | { job: 'restore'; file: Blob; mode: RestoreMode; settings: Settings };

/** `warm`: a worker started ahead of its job opens the database and waits (lib/data/client.ts warmDataWorker). */
export type WorkerRequest = { id: number; run: WorkerJob } | { id: number; cancel: true } | { warm: true };

export type JobProgress = ImportProgress | BackupProgress | RestoreProgress;

export type WorkerReply =
  | { id: number; progress: JobProgress }
  /** The worker got the cancel: the job stops at its next batch boundary. */
  | { id: number; cancelling: true }
  /** `phases`: where the job's time went (./phases.ts), for the page's User Timing. */
  | { id: number; done: ImportSummary | Blob | (RestoreSummary & { settings: Settings }); phases?: Record<string, number> }
  | { id: number; error: string };
