import { dequal } from 'dequal';
import { useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Settings } from '@/lib/settings/settings';
import { CadencesEditor } from './CadencesEditor';
import { inputClass, LinesField, Section } from './fields';
import { FrameworkEditor } from './FrameworkEditor';
import { ScoringEditor } from './ScoringEditor';
import { StagesEditor } from './StagesEditor';

/**
 * The team's sales process, edited as a draft and saved at once. The background validates the whole thing
 * (one zod schema) and refuses it with a message naming what is wrong; nothing is half-saved.
 */
export function SettingsEditor({ initial }: { initial: Settings }) {
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const set = (patch: Partial<Settings>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setStatus(undefined);
  };
  const onProblem = (key: string, problem: string | undefined) =>
    setProblems((p) => {
      const { [key]: _, ...rest } = p;
      return problem ? { ...rest, [key]: problem } : rest;
    });
  const save = async () => {
    const open = Object.values(problems);
    if (open.length) return setStatus({ kind: 'error', text: `Settings not saved: ${open.join('; ')}` });
    try {
      // Re-read first: fields edited elsewhere (e.g. the LinkedIn section) since this page opened are kept.
      const current = await send('settings.get', {});
      const mine = Object.fromEntries(EDITED.map((k) => [k, draft[k]])) as Partial<Settings>;
      const stagesVersion = stagesChanged(current, draft) ? current.stagesVersion + 1 : current.stagesVersion;
      const saved = await send('settings.save', { ...current, ...mine, stagesVersion });
      setDraft(saved);
      setStatus({ kind: 'saved', text: 'Settings saved.' });
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
    }
  };
  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Section title="Sales process">
        <StagesEditor stages={draft.stages} onChange={(stages) => set({ stages })} />
      </Section>
      <Section title="Deals">
        <label className="flex items-center gap-2 text-sm">
          Currency of deal values
          <input
            aria-label="Currency"
            value={draft.currency}
            maxLength={3}
            onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
            className={`${inputClass} w-16`}
          />
        </label>
      </Section>
      <Section title="Qualification">
        <FrameworkEditor framework={draft.framework} onChange={(framework) => set({ framework })} />
      </Section>
      <Section title="Lead score">
        <ScoringEditor scoring={draft.scoring} onChange={(scoring) => set({ scoring })} />
      </Section>
      <Section title="Cadences">
        <CadencesEditor cadences={draft.cadences} onChange={(cadences) => set({ cadences })} onProblem={onProblem} />
      </Section>
      <Section title="Reminders">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={draft.reminders.notifications}
            onChange={(e) => set({ reminders: { ...draft.reminders, notifications: e.target.checked } })}
          />
          Notify me when a follow-up is due
        </label>
        <label className="flex items-center gap-2 text-sm">
          Snooze until (hour, next day)
          <input
            type="number"
            min={0}
            max={23}
            value={draft.reminders.snoozeHour}
            onChange={(e) => set({ reminders: { ...draft.reminders, snoozeHour: Number(e.target.value) } })}
            className={`${inputClass} w-16`}
          />
        </label>
      </Section>
      <Section title="Lists">
        <LinesField label="Loss reasons" value={draft.lossReasons} onChange={(lossReasons) => set({ lossReasons })} />
        <LinesField label="Internal domains" hint="Colleagues at these domains are never prospects." value={draft.internalDomains} onChange={(internalDomains) => set({ internalDomains })} />
        <LinesField label="Never capture" hint="Emails or domains Touchline must ignore." value={draft.neverCapture} onChange={(neverCapture) => set({ neverCapture })} />
      </Section>
      <div className="sticky bottom-0 flex items-center gap-3 bg-white py-2">
        <button type="submit" className="rounded bg-blue-600 px-3 py-1 text-white">
          Save settings
        </button>
        {status && (
          <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'text-red-700' : 'text-emerald-700'}>
            {status.text}
          </p>
        )}
      </div>
    </form>
  );
}

/** The fields this editor owns; any other settings field is saved as currently stored. */
const EDITED = ['stages', 'lossReasons', 'internalDomains', 'neverCapture', 'framework', 'scoring', 'cadences', 'reminders', 'currency'] as const;

/** The process carries a version: bump it when stages or their criteria change (history keeps old names). */
function stagesChanged(a: Settings, b: Settings): boolean {
  // By value: stored settings come back with their keys sorted, so their JSON text differs from the form's.
  return !dequal(a.stages, b.stages);
}
