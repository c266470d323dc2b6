import { useEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { send } from '@/lib/messaging/client';
import type { TimelineEntry } from '@/lib/home/timeline';
import type { Touch } from '@/lib/model';
import { NoteForm } from '@/components/sidebar/NoteForm';
import { BUTTON, ErrorLine, QUIET_BUTTON, Section } from './fields';
import { TimelineRow } from './TimelineRow';
import { useAction } from '../../ui/use-action';

const what = (t: Touch) => (t.channel === 'note' ? 'note' : 'touch');

/**
 * The whole history, newest first, virtualised: a record with thousands of touches renders only the rows
 * in view. Deleting a touch or note asks first, then offers Undo (the background puts the same row back).
 */
export function Timeline({ prospectId, entries }: { prospectId: string; entries: TimelineEntry[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (i) => entries[i]!.key,
    // The first paint already lays out the rows a screen holds, before the scroller is measured.
    initialRect: { width: 800, height: 700 },
  });
  const [confirming, setConfirming] = useState<Touch>();
  const [deleted, setDeleted] = useState<Touch>();
  const { error, run } = useAction();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);

  const remove = async (t: Touch) => {
    if (await run(async () => setDeleted(await send('touch.delete', { touchId: t.id })))) setConfirming(undefined);
  };
  const undo = async (t: Touch) => {
    if (await run(() => send('touch.restore', { touch: t }))) setDeleted(undefined);
  };

  return (
    <Section title="Timeline" className="min-w-0">
      <NoteForm onSave={(text) => send('touch.log', { prospectId, channel: 'note', direction: 'internal', at: Date.now(), summary: text }).then(() => undefined)} />
      {confirming && (
        <div
          role="alertdialog"
          aria-label={`Delete this ${what(confirming)}?`}
          onKeyDown={(e) => e.key === 'Escape' && setConfirming(undefined)}
          className="flex flex-col gap-2 rounded border border-red-300 bg-red-50 p-2 text-sm dark:border-red-800 dark:bg-red-950"
        >
          <p>
            Delete this {what(confirming)}? {confirming.subject || confirming.summary ? <q className="break-words">{(confirming.subject || confirming.summary)!.slice(0, 140)}</q> : null}
          </p>
          <div className="flex gap-2">
            <button type="button" onClick={() => void remove(confirming)} className={`${BUTTON} bg-red-700 hover:bg-red-800`}>
              Delete
            </button>
            <button type="button" ref={cancel} onClick={() => setConfirming(undefined)} className={QUIET_BUTTON}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {deleted && (
        <div role="status" className="flex items-center gap-2 rounded bg-slate-100 p-2 text-sm dark:bg-slate-800">
          <span>{what(deleted) === 'note' ? 'Note' : 'Touch'} deleted.</span>
          <button type="button" onClick={() => void undo(deleted)} className={QUIET_BUTTON}>
            Undo
          </button>
        </div>
      )}
      <ErrorLine error={error} />
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing yet.</p>
      ) : (
        <div ref={scroller} className="max-h-[70vh] overflow-y-auto" tabIndex={0} aria-label="Timeline entries">
          <ul aria-label="Timeline" className="relative" style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtual.measureElement}
                aria-setsize={entries.length}
                aria-posinset={item.index + 1}
                className="absolute left-0 top-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <TimelineRow entry={entries[item.index]!} onDelete={setConfirming} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
