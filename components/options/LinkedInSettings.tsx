import { useId, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Settings } from '@/lib/settings/settings';

/** LinkedIn options: auto-logging messages of conversations with known prospects (off unless the rep opts in). */
export function LinkedInSettings({ initial }: { initial: Settings }) {
  const [on, setOn] = useState(initial.autoLogLinkedInMessages);
  const [error, setError] = useState<string>();
  const id = useId();
  const toggle = async (next: boolean) => {
    setError(undefined);
    setOn(next);
    try {
      // Re-read first so a change made elsewhere since this page opened is not overwritten.
      const current = await send('settings.get', {});
      const saved = await send('settings.save', { ...current, autoLogLinkedInMessages: next });
      setOn(saved.autoLogLinkedInMessages);
    } catch (err) {
      setOn(!next);
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby={`${id}-h`} className="mt-6">
      <h2 id={`${id}-h`} className="mb-2 text-lg font-semibold">
        LinkedIn
      </h2>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={on} onChange={(e) => void toggle(e.target.checked)} />
        Log every message of conversations with known prospects automatically
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
