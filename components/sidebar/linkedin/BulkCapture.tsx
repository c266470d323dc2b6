import { useId, useMemo, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Detected } from '@/lib/sites/types';
import { newProspectFrom } from '../new-prospect';
import { buttonClass, type Known, type Run } from './types';

interface Props {
  detected: Detected;
  known: Known | undefined;
  run: Run;
}

/**
 * Search results and Sales Navigator lists: pick people (or all) and add them in one action. People already
 * known are marked and cannot be picked, and the store would not duplicate them anyway.
 */
export function BulkCapture({ detected, known, run }: Props) {
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);
  const allId = useId();
  const isKnown = (i: number) => !!known?.prospects[i];
  const pickable = useMemo(
    () => detected.people.filter((_, i) => !known?.prospects[i]).map((p) => p.key),
    [detected.people, known],
  );
  const chosen = pickable.filter((k) => picked.has(k));
  const allPicked = pickable.length > 0 && chosen.length === pickable.length;

  const toggle = (key: string) =>
    setPicked((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const add = () =>
    run(async () => {
      setBusy(true);
      try {
        const people = detected.people.filter((p) => chosen.includes(p.key)).map((p) => newProspectFrom(p, detected));
        const results = await send('prospect.addMany', { people });
        const created = results.filter((r) => r.created).length;
        setStatus(`Added ${created} ${created === 1 ? 'prospect' : 'prospects'}${created < results.length ? `, ${results.length - created} already known` : ''}.`);
        setPicked(new Set());
      } finally {
        setBusy(false);
      }
    });

  return (
    <section aria-label="Bulk capture" className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={allId} className="flex items-center gap-1 text-xs text-slate-700 dark:text-slate-200">
          <input
            id={allId}
            type="checkbox"
            checked={allPicked}
            disabled={pickable.length === 0}
            onChange={() => setPicked(allPicked ? new Set() : new Set(pickable))}
          />
          Select all new ({pickable.length})
        </label>
        <button type="button" className={buttonClass} disabled={busy || chosen.length === 0} onClick={() => void add()}>
          Add {chosen.length} selected
        </button>
      </div>
      {status && (
        <p role="status" className="text-xs text-green-800 dark:text-green-300">
          {status}
        </p>
      )}
      <ul aria-label="People on this page" className="flex flex-col gap-1">
        {detected.people.map((person, i) => {
          const name = person.name ?? person.linkedinUrl ?? 'Unknown';
          return (
            <li key={person.key} aria-label={name} className="flex items-start gap-2 rounded border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900">
              <input
                type="checkbox"
                aria-label={`Select ${name}`}
                checked={isKnown(i) || picked.has(person.key)}
                disabled={isKnown(i)}
                onChange={() => toggle(person.key)}
                className="mt-0.5"
              />
              <div className="min-w-0 flex-1">
                <div className="truncate text-xs font-semibold">{name}</div>
                {person.headline && <div className="truncate text-xs text-slate-500 dark:text-slate-400">{person.headline}</div>}
                {person.location && <div className="truncate text-xs text-slate-400">{person.location}</div>}
              </div>
              {isKnown(i) && <span className="rounded bg-green-100 px-1 text-[10px] text-green-800 dark:bg-green-900 dark:text-green-200">Known</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
