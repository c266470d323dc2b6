import { useId, useState } from 'react';
import type { ProcessView } from '@/lib/process/views';

const PART_LABELS = { fit: 'Fit', engagement: 'Engagement', qualification: 'Qualification' } as const;

/** The lead score at a glance; "Why?" lists exactly which facts gave which points. */
export function ScoreSummary({ score }: { score: ProcessView['score'] }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <span className="text-xs text-slate-600 dark:text-slate-300">Lead score</span>
        <span aria-label="Lead score" className={`rounded px-1.5 text-sm font-bold ${score.disqualified ? 'bg-red-100 text-red-800' : 'bg-blue-100 text-blue-800'}`}>
          {score.score}
        </span>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
          className="text-xs text-blue-700 underline dark:text-blue-300"
        >
          Why this score?
        </button>
      </div>
      {open && (
        <ul id={listId} aria-label="Score explanation" className="flex flex-col gap-0.5 rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
          {score.facts.map((f, i) => (
            <li key={i} className="flex justify-between gap-2">
              <span>
                <span className="font-medium">{PART_LABELS[f.part]}:</span> {f.label}
              </span>
              <span className="shrink-0 tabular-nums">
                {f.points} / {f.max}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
