/// <reference lib="webworker" />
import { BULK_OPTIONS, getDb } from '../db/database';
import { createBackup, restoreBackup } from './backup';
import { importCsv } from './csv';
import { exportView, filteredIds } from './export-view';
import { Phases } from './phases';
import type { WorkerReply, WorkerRequest } from './protocol';

// The data page's worker: CSV import, backup and restore run here so the page stays responsive. Workers of
// an extension page share its origin, so this opens the same database.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
const reply = (m: WorkerReply) => scope.postMessage(m);

scope.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if ('warm' in msg) {
    await getDb(BULK_OPTIONS).open().catch(() => {}); // a failure to open shows on the job, which opens it again
    return;
  }
  if ('cancel' in msg) {
    running.get(msg.id)?.abort();
    return reply({ id: msg.id, cancelling: true });
  }
  const ctl = new AbortController();
  running.set(msg.id, ctl);
  const progress = (p: unknown) => reply({ id: msg.id, progress: p as never });
  const db = getDb(BULK_OPTIONS);
  const phases = new Phases();
  try {
    // A worker kept warm may have had its connection closed meanwhile (another context upgraded or deleted the database).
    if (!db.isOpen()) await db.open();
    const job = msg.run;
    if (job.job === 'import') {
      const done = await importCsv(db, job.file, { mapping: job.mapping, settings: job.settings, encoding: job.encoding, signal: ctl.signal, onProgress: progress, phases });
      reply({ id: msg.id, done, phases: phases.ms });
    } else if (job.job === 'export') {
      // The filter's query runs while the export starts reading the table.
      const ids = job.ids ?? (job.filter ? filteredIds(db, job.filter, { now: job.now ?? Date.now(), timeZone: job.timeZone ?? 'UTC', stageIds: job.stages.map((s) => s.id) }, phases) : undefined);
      reply({ id: msg.id, done: await exportView(db, ids, job.stages, undefined, phases), phases: phases.ms });
    } else if (job.job === 'backup') {
      reply({ id: msg.id, done: await createBackup(db, job.settings, { onProgress: progress }) });
    } else {
      let restored = job.settings;
      const done = await restoreBackup(db, job.file, {
        mode: job.mode,
        onProgress: progress,
        // Extension storage is not reachable from a worker: the page saves the settings it gets back.
        saveSettings: async (s) => (restored = s),
        settings: job.settings,
      });
      reply({ id: msg.id, done: { ...done, settings: restored } });
    }
  } catch (err) {
    reply({ id: msg.id, error: (err as Error).message });
  } finally {
    running.delete(msg.id);
  }
};

