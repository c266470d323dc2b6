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
    <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
      Stage
      <select
        className="flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
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
