import { useId, useState } from 'react';
import type { Task } from '@/lib/model';
import type { Cadence, CadenceRun } from '@/lib/process/cadence';
import { formatDateTime } from '../../ui/format';

interface Props {
  cadences: Cadence[];
  runs: CadenceRun[];
  tasks: Task[];
  onStart: (cadenceId: string) => void;
  onResume: (runId: string) => void;
  onDone: (taskId: string) => void;
}

/** Cadences for this prospect (start, see paused ones and why) and the open follow-ups. */
export function CadencePanel({ cadences, runs, tasks, onStart, onResume, onDone }: Props) {
  const [choice, setChoice] = useState(cadences[0]?.id ?? '');
  const selectId = useId();
  const paused = runs.filter((r) => r.status === 'paused');
  const active = runs.filter((r) => r.status === 'active');
  return (
    <div className="flex flex-col gap-1 text-xs">
      {paused.map((r) => (
        <div key={r.id} role="status" className="flex items-center justify-between gap-2 rounded bg-amber-100 p-1.5 text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          <span>
            {r.cadenceName} paused: {r.pausedBecause}
          </span>
          <button type="button" onClick={() => onResume(r.id)} className="shrink-0 rounded border border-amber-700 px-1">
            Resume {r.cadenceName}
          </button>
        </div>
      ))}
      {active.map((r) => (
        <div key={r.id} className="text-slate-600 dark:text-slate-300">
          Cadence running: {r.cadenceName}
        </div>
      ))}
      {cadences.length > 0 && (
        <div className="flex items-center gap-1">
          <label htmlFor={selectId} className="text-slate-600 dark:text-slate-300">
            Cadence
          </label>
          <select
            id={selectId}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
          >
            {cadences.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => choice && onStart(choice)} className="rounded bg-slate-700 px-2 py-0.5 text-white dark:bg-slate-500">
            Start cadence
          </button>
        </div>
      )}
      {tasks.length > 0 && (
        <ul aria-label="Follow-ups" className="flex flex-col gap-0.5">
          {tasks.map((t) => (
            <li key={t.id} className="flex items-center justify-between gap-2">
              <span className="min-w-0">
                <span className="block truncate">{t.title}</span>
                <span className="text-slate-500">{formatDateTime(t.due)}</span>
              </span>
              <button type="button" aria-label={`Done: ${t.title}`} onClick={() => onDone(t.id)} className="shrink-0 rounded border border-slate-300 px-1">
                Done
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
