import { PHASES_MARK } from './phases';
import type { JobProgress, WorkerJob, WorkerReply, WorkerRequest } from './protocol';
// Vite bundles the worker as its own file of the extension (an extension page may only start workers from
// its own origin; papaparse's blob-URL worker would break the extension's CSP).
import DataWorker from './worker?worker';

export interface RunningJob<T> {
  done: Promise<T>;
  /** Resolves once the worker has the cancel (the job then stops at its next batch). */
  cancel(): Promise<void>;
}

let nextId = 1;

/** A worker started ahead for the next job, while a page that runs jobs is open (keepDataWorkerWarm). */
let spare: Worker | undefined;
let warmers = 0;

function warm(): void {
  if (spare || !warmers) return;
  spare = new DataWorker();
  spare.postMessage({ warm: true } satisfies WorkerRequest);
}

/**
 * Keeps a worker started ahead of the next job: its script parsed and the database opened before the click,
 * not after it (the worker bundle carries Dexie, zod and papaparse). The data page holds it while open; a
 * new one is started after each job. Returns the release (the idle worker ends with the last holder).
 */
export function keepDataWorkerWarm(): () => void {
  warmers++;
  warm();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--warmers || !spare) return;
    spare.terminate();
    spare = undefined;
  };
}

/**
 * Runs an import, backup or restore in a worker (one per job, closed when it ends) and reports its progress.
 * Cancel asks the job to stop at its next batch: what is written stays written, and the job says so.
 */
export function runDataJob<T>(job: WorkerJob, onProgress?: (p: JobProgress) => void): RunningJob<T> {
  const worker = spare ?? new DataWorker();
  spare = undefined;
  const id = nextId++;
  let acknowledged: (() => void) | undefined;
  const done = new Promise<T>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if ('progress' in m) return onProgress?.(m.progress);
      if ('cancelling' in m) return acknowledged?.();
      worker.terminate();
      warm();
      if ('error' in m) reject(new Error(m.error));
      else {
        if (m.phases) performance.mark(PHASES_MARK, { detail: { job: job.job, phases: m.phases } });
        resolve(m.done as T);
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      warm();
      reject(new Error(e.message || 'The data worker stopped.'));
    };
  });
  worker.postMessage({ id, run: job });
  const cancel = () =>
    new Promise<void>((resolve) => {
      acknowledged = resolve;
      worker.postMessage({ id, cancel: true });
    });
  // A job that ends first has nothing left to cancel.
  void done.finally(() => acknowledged?.()).catch(() => {});
  return { done, cancel };
}

/** Saves a Blob as a download with the given file name. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
