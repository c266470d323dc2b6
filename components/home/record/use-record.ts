import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import { FIRST_TOUCHES, readRecord, type RecordRead } from '@/lib/home/record-read';
import type { Prospect } from '@/lib/model';
import type { Settings } from '@/lib/settings/settings';
import { processView } from '@/lib/store/process-view';
import { takePrefetched } from './record-prefetch';

/**
 * One prospect and its whole history, read straight from the database (this page is in the extension's
 * origin) as live queries: a touch logged in a Gmail tab, a sync run or a reminder in the background shows
 * up here by itself. Writes go through the background (lib/store's rules, the outbox, the broadcast).
 *
 * The first draw reads only the newest touches (or takes the read boot started); once it is on screen the
 * live query widens to every touch, so a long history never delays the record's first frame.
 */
export function useRecord(id: string): RecordRead | { prospect: null } | undefined {
  const db = getDb();
  const [boot] = useState(() => takePrefetched(id));
  const [early, setEarly] = useState(boot?.value);
  useEffect(() => {
    if (!boot || boot.value) return;
    let live = true;
    void boot.promise.then((v) => live && v && setEarly((current) => current ?? v));
    return () => {
      live = false;
    };
  }, [boot]);
  const [all, setAll] = useState(false);
  const record = useLiveQuery(() => readRecord(db, id, all ? Infinity : FIRST_TOUCHES), [id, all]);
  const shown = record ?? early;
  useEffect(() => {
    // Widen after a frame has been drawn with the first touches.
    if (all || !shown) return;
    if (shown.prospect === null || shown.complete) return;
    const frame = requestAnimationFrame(() => setAll(true));
    return () => cancelAnimationFrame(frame);
  }, [all, shown]);
  return shown;
}

/** Score with its facts, the current stage's criteria, open tasks and cadence runs, followed live. */
export function useProcessView(prospect: Prospect | null | undefined, settings: Settings | undefined) {
  const db = getDb();
  return useLiveQuery(async () => (prospect && settings ? processView(db, prospect, settings) : undefined), [prospect, settings]);
}
