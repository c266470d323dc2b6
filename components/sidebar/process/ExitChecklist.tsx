import type { CriterionStatusView } from '@/lib/process/views';

interface Props {
  stageName: string;
  criteria: CriterionStatusView[];
  onTick: (criterionId: string, ticked: boolean) => void;
}

/** The current stage's exit criteria. Ones met by data are shown with the fact and cannot be unticked. */
export function ExitChecklist({ stageName, criteria, onTick }: Props) {
  if (!criteria.length) return null;
  return (
    <fieldset className="flex flex-col gap-0.5 text-xs">
      <legend className="mb-0.5 text-slate-600 dark:text-slate-300">Exit criteria: {stageName}</legend>
      {criteria.map((c) => (
        <label key={c.id} className="flex items-start gap-1.5">
          <input
            type="checkbox"
            checked={c.met}
            disabled={c.by === 'data'}
            onChange={(e) => onTick(c.id, e.target.checked)}
            className="mt-0.5"
          />
          <span>
            {c.label}
            {c.by === 'data' && <span className="text-emerald-700 dark:text-emerald-400"> ({c.because})</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
