import { CLS } from '@/lib/content/sidebar-classes';
import type { Stage } from '@/lib/process/stage';

interface Props {
  stages: Stage[];
  value: string;
  disabled?: boolean;
  onChange: (stageId: string) => void;
}

/** A native select: keyboard, screen readers and type-to-find work as on any form. */
export function StagePicker({ stages, value, disabled, onChange }: Props) {
  return (
    <label className={CLS.status}>
      Stage
      <select
        className="h-6 flex-1 rounded border border-slate-300 bg-white px-1 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
      >
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
