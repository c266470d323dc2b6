import { forwardRef, useEffect, useId, useState } from 'react';
import type { Prospect } from '@/lib/model';

interface Props {
  prospect: Prospect;
  onSave: (text: string, due: number | undefined) => Promise<boolean>;
}

/** `datetime-local` speaks local wall time: "2026-11-24T09:00" <-> epoch ms in the rep's time zone. */
function toInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function tomorrowNine(): number {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.getTime();
}

/** The prospect's next step and when it is due (becomes a follow-up task on the badge and in the popup). */
export const NextStepForm = forwardRef<HTMLInputElement, Props>(function NextStepForm({ prospect, onSave }, ref) {
  const [text, setText] = useState(prospect.nextStep ?? '');
  const [due, setDue] = useState(toInput(prospect.followUpAt));
  useEffect(() => {
    setText(prospect.nextStep ?? '');
    setDue(toInput(prospect.followUpAt));
  }, [prospect.nextStep, prospect.followUpAt]);
  const textId = useId();
  const dueId = useId();
  const save = () => void onSave(text, text.trim() ? (due ? new Date(due).getTime() : tomorrowNine()) : undefined);
  return (
    <div className="grid grid-cols-[1fr_auto] gap-1 text-xs">
      <label htmlFor={textId} className="col-span-2 text-slate-600 dark:text-slate-300">
        Next step
      </label>
      <input
        id={textId}
        ref={ref}
        value={text}
        maxLength={500}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && save()}
        className="min-w-0 rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      />
      <button type="button" onClick={save} className="rounded bg-slate-700 px-2 py-0.5 text-white dark:bg-slate-500">
        Set next step
      </button>
      <label htmlFor={dueId} className="text-slate-600 dark:text-slate-300">
        Follow-up date
      </label>
      <input
        id={dueId}
        type="datetime-local"
        value={due}
        onChange={(e) => setDue(e.target.value)}
        className="col-span-2 rounded border border-slate-300 bg-white px-1 py-0.5 text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      />
    </div>
  );
});
