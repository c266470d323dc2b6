import type { Stage } from '@/lib/process/stage';
import type { RemoteStage } from '@/lib/sync/adapter';

/** Touchline stage -> the CRM's stage, defaulted from the CRM's own pipeline. */
export function StageMapping({ stages, remote, value, onChange }: { stages: Stage[]; remote: RemoteStage[]; value: Record<string, string>; onChange: (m: Record<string, string>) => void }) {
  return (
    <fieldset className="flex flex-col gap-1 rounded border border-slate-200 p-2">
      <legend className="px-1 text-sm font-medium">Stages in the CRM</legend>
      {stages.map((s) => (
        <label key={s.id} className="flex items-center justify-between gap-2 text-sm">
          {s.name}
          <select aria-label={`CRM stage for ${s.name}`} value={value[s.id] ?? ''} onChange={(e) => onChange({ ...value, [s.id]: e.target.value })} className="rounded border border-slate-300 p-1">
            <option value="">(leave the CRM stage as it is)</option>
            {remote.map((r) => (
              <option key={`${r.pipelineId}:${r.id}`} value={r.id}>
                {r.pipelineLabel ? `${r.pipelineLabel}: ${r.label}` : r.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}
