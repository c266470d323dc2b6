import { useEffect, useState } from 'react';
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
        <CriterionRow key={c.id} criterion={c} onTick={(ticked) => onTick(c.id, ticked)} />
      ))}
    </fieldset>
  );
}

/** Shows a tick at once (the stored state follows from the background and wins when it arrives). */
function CriterionRow({ criterion: c, onTick }: { criterion: CriterionStatusView; onTick: (ticked: boolean) => void }) {
  const [checked, setChecked] = useState(c.met);
  useEffect(() => setChecked(c.met), [c.met]);
  return (
    <label className="flex items-start gap-1.5">
      <input
        type="checkbox"
        checked={checked}
        disabled={c.by === 'data'}
        onChange={(e) => {
          setChecked(e.target.checked);
          onTick(e.target.checked);
        }}
        className="mt-0.5"
      />
      <span>
        {c.label}
        {c.by === 'data' && <span className="text-emerald-700 dark:text-emerald-400"> ({c.because})</span>}
      </span>
    </label>
  );
}
