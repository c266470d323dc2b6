import type { Stage } from '@/lib/process/stage';

/** The sales process as the team has it: stages in order, each with its exit criteria. */
export function StagesView({ stages }: { stages: Stage[] }) {
  return (
    <section aria-labelledby="stages-heading">
      <h2 id="stages-heading" className="mb-2 text-lg font-semibold">
        Sales process
      </h2>
      <ol className="flex flex-col gap-2">
        {stages.map((s) => (
          <li key={s.id} className="rounded border border-slate-200 p-2">
            <div className="font-medium">{s.name}</div>
            {s.goal && <div className="text-xs text-slate-500">{s.goal}</div>}
            {s.exitCriteria.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-sm">
                {s.exitCriteria.map((c) => (
                  <li key={c.id}>{c.label}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
