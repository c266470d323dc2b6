import type { Stage } from '@/lib/process/stage';
import { winProbability } from '@/lib/metrics/stages';
import { inputClass, LinesField, slug } from './fields';

/** Stages in order with their exit criteria (one per line). A kept criterion keeps its id and data rule. */
export function StagesEditor({ stages, onChange }: { stages: Stage[]; onChange: (s: Stage[]) => void }) {
  const set = (i: number, patch: Partial<Stage>) => onChange(stages.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <ol className="flex flex-col gap-2">
      {stages.map((s, i) => (
        <li key={s.id} className="flex flex-col gap-1 rounded border border-slate-100 p-2">
          <div className="flex items-center gap-2">
            <input aria-label={`Stage ${i + 1} name`} value={s.name} onChange={(e) => set(i, { name: e.target.value })} className={`${inputClass} flex-1`} />
            <span className="text-xs text-slate-500">{s.kind}</span>
            <label className="flex items-center gap-1 text-xs">
              Win probability
              <input
                type="number"
                min={0}
                max={100}
                step={1}
                aria-label={`Win probability of ${s.name || `stage ${i + 1}`} (%)`}
                // Empty = the default rising through the stages, shown as the placeholder.
                placeholder={String(Math.round(winProbability({ ...s, winProbability: undefined }, stages) * 100))}
                value={s.winProbability ?? ''}
                onChange={(e) => set(i, { winProbability: e.target.value === '' ? undefined : Number(e.target.value) })}
                className={`${inputClass} w-16`}
              />
              %
            </label>
            <button type="button" aria-label={`Remove stage ${s.name}`} onClick={() => onChange(stages.filter((_, j) => j !== i))} className="rounded border px-1 text-xs">
              Remove
            </button>
          </div>
          <LinesField
            label={`Exit criteria for ${s.name || `stage ${i + 1}`}`}
            value={s.exitCriteria.map((c) => c.label)}
            rows={Math.max(2, s.exitCriteria.length)}
            onChange={(labels) => {
              const taken = new Set<string>();
              const exitCriteria = labels.map((label) => {
                const kept = s.exitCriteria.find((c) => c.label === label);
                if (kept && !taken.has(kept.id)) {
                  taken.add(kept.id);
                  return kept;
                }
                return { id: slug(label, taken), label };
              });
              set(i, { exitCriteria });
            }}
          />
        </li>
      ))}
      <li>
        <button
          type="button"
          onClick={() => {
            const taken = new Set(stages.map((s) => s.id));
            const firstClosed = stages.findIndex((s) => s.kind !== 'open');
            const at = firstClosed === -1 ? stages.length : firstClosed;
            const next: Stage = { id: slug('stage', taken), name: 'New stage', kind: 'open', exitCriteria: [] };
            onChange([...stages.slice(0, at), next, ...stages.slice(at)]);
          }}
          className="rounded border px-2 py-0.5 text-sm"
        >
          Add stage
        </button>
      </li>
    </ol>
  );
}
