import { useEffect, useState } from 'react';
import { send } from '@/lib/messaging/client';
import { partLabel } from '@/lib/health/labels';
import type { Detected } from '@/lib/sites/types';

const SETTLE_MS = 1200;

/** What one detection reports: parts and statuses only (the page's values never leave the page). */
const signatureOf = (d: Detected) => (d.health ? `${d.site}|${d.kind}|${d.url}|${JSON.stringify(d.health)}` : '');

/**
 * Reports each new reading of the page to Site health and, when a part Touchline expects went missing for
 * the first time since it last worked, says so once: "Touchline could not read this person's current role
 * on this page." The same reading of the same page is reported once, however often the page re-renders.
 */
export function HealthSignal({ detected }: { detected: Detected }) {
  const [missing, setMissing] = useState<string[]>([]);
  const signature = signatureOf(detected);
  useEffect(() => {
    if (!signature || !detected.health) return;
    let live = true;
    // Sites render in steps (LinkedIn draws the Experience card after the top card): only a reading that
    // stayed the same for a moment is the page's, so a half-rendered page is never counted as broken.
    const timer = setTimeout(() => {
      send('health.report', { site: detected.site, kind: detected.kind, parts: detected.health! })
        .then(({ signal }) => live && signal.length > 0 && setMissing(signal))
        .catch(() => undefined);
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The signature stands for site, kind, url and parts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  if (!missing.length) return null;
  return (
    <div role="status" className="flex items-start justify-between gap-2 rounded bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
      <span>
        Touchline could not read {missing.map(partLabel).join(', ')} on this page. The site may have changed; Site health in the settings keeps count.
      </span>
      <button type="button" className="shrink-0 underline" onClick={() => setMissing([])}>
        Dismiss
      </button>
    </div>
  );
}
