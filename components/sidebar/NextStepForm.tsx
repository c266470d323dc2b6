import { useEffect, useId, useState } from 'react';
import type { Prospect, ProspectPatch } from '@/lib/model';

interface Props {
  prospect: Prospect;
  onSave: (patch: ProspectPatch) => Promise<void>;
}

const toDateInput = (ms?: number) => (ms ? new Date(ms).toLocaleDateString('en-CA') : '');
/** A date input's value is a local calendar day; the follow-up is due at 09:00 that day. */
const fromDateInput = (v: string) => (v ? new Date(`${v}T09:00`).getTime() : undefined);

/** Next step and follow-up date, saved together; Enter in the text field saves, as in any form. */
export function NextStepForm({ prospect, onSave }: Props) {
  const [nextStep, setNextStep] = useState(prospect.nextStep ?? '');
  const [followUp, setFollowUp] = useState(toDateInput(prospect.followUpAt));
  const [busy, setBusy] = useState(false);
  const id = useId();
  useEffect(() => {
    setNextStep(prospect.nextStep ?? '');
    setFollowUp(toDateInput(prospect.followUpAt));
  }, [prospect.nextStep, prospect.followUpAt]);
  const dirty = nextStep.trim() !== (prospect.nextStep ?? '') || followUp !== toDateInput(prospect.followUpAt);
  const save = async () => {
    if (!dirty || busy) return;
    setBusy(true);
    try {
      await onSave({ nextStep: nextStep.trim() || undefined, followUpAt: fromDateInput(followUp) });
    } finally {
      setBusy(false);
    }
  };
  const field = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
  return (
    <form
      className="flex flex-col gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={`${id}-step`} className="text-xs text-slate-600 dark:text-slate-300">
        Next step
      </label>
      <input id={`${id}-step`} value={nextStep} maxLength={500} onChange={(e) => setNextStep(e.target.value)} className={field} />
      <div className="flex items-end gap-2">
        <label className="flex flex-1 flex-col text-xs text-slate-600 dark:text-slate-300">
          Follow-up date
          <input type="date" value={followUp} onChange={(e) => setFollowUp(e.target.value)} className={field} />
        </label>
        <button type="submit" disabled={!dirty || busy} className="rounded bg-slate-700 px-2 py-0.5 text-xs text-white disabled:opacity-50 dark:bg-slate-500">
          Save next step
        </button>
      </div>
    </form>
  );
}
