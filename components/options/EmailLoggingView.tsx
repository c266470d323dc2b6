import { useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Settings } from '@/lib/settings/settings';

/** The team's email-logging choices: how much body text a touch keeps, and what is logged without a click. */
export function EmailLoggingView({ settings }: { settings: Settings }) {
  const [draft, setDraft] = useState({ emailBodyChars: settings.emailBodyChars, autoLogThreads: settings.autoLogThreads, logOnSend: settings.logOnSend });
  const [status, setStatus] = useState('');
  const save = async () => {
    try {
      const current = await send('settings.get', {});
      await send('settings.save', { ...current, ...draft });
      setStatus('Saved.');
    } catch (err) {
      setStatus((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="email-logging-heading" className="mt-6 flex flex-col gap-2">
      <h2 id="email-logging-heading" className="text-lg font-semibold">
        Email logging (Gmail)
      </h2>
      <label className="flex items-center gap-2 text-sm">
        Body characters kept per logged email (0 keeps none)
        <input
          type="number"
          min={0}
          max={5000}
          value={draft.emailBodyChars}
          onChange={(e) => setDraft({ ...draft, emailBodyChars: Math.max(0, Math.min(5000, Math.round(Number(e.target.value) || 0))) })}
          className="w-24 rounded border border-slate-300 px-1"
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.autoLogThreads} onChange={(e) => setDraft({ ...draft, autoLogThreads: e.target.checked })} />
        Log every message of threads with known prospects automatically
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={draft.logOnSend} onChange={(e) => setDraft({ ...draft, logOnSend: e.target.checked })} />
        Log mail to known prospects when it is sent
      </label>
      <div className="flex items-center gap-2">
        <button type="button" onClick={() => void save()} className="rounded bg-blue-600 px-3 py-1 text-sm text-white">
          Save email logging
        </button>
        <span role="status" className="text-sm text-slate-600">
          {status}
        </span>
      </div>
    </section>
  );
}
