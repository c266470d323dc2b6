import { useId, useState } from 'react';
import { send } from '@/lib/messaging/client';
import type { Settings } from '@/lib/settings/settings';
import type { Stage } from '@/lib/process/stage';
import type { MoveCheckView } from '@/lib/process/views';
import { MoveDialog } from '@/components/sidebar/process/MoveDialog';
import { exportProspects } from '@/components/pages/data/ExportView';
import { inPages, previewMany } from './bulk-send';
import type { Selection } from './use-selection';

const FIELD = 'rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';
const BUTTON = 'rounded border border-slate-300 px-2 py-0.5 text-sm disabled:opacity-50 dark:border-slate-600';

type Status = { busy?: string; done?: string; error?: string };

/**
 * What can be done to the selection at once: move stage (by the sidebar's rules: one reason for every unmet
 * criterion, one loss reason when closing as lost, a StageChange each), add a tag, start a cadence, export
 * it as CSV (the data page's export, so the file imports back unchanged).
 */
export function BulkBar({ selection, settings, onMoved }: { selection: Selection; settings: Settings; onMoved: (message: string) => void }) {
  const ids = selection.ids;
  const [stageId, setStageId] = useState(settings.stages[0]?.id ?? '');
  const [tag, setTag] = useState('');
  const [cadenceId, setCadenceId] = useState(settings.cadences[0]?.id ?? '');
  const [pending, setPending] = useState<{ to: Stage; check: MoveCheckView; ids: string[] }>();
  const [status, setStatus] = useState<Status>({});
  const stageField = useId();
  const tagField = useId();
  const cadenceField = useId();
  const count = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'prospect' : 'prospects'}`;

  const act = async (busy: string, work: () => Promise<string>) => {
    setStatus({ busy });
    try {
      setStatus({ done: await work() });
    } catch (err) {
      setStatus({ error: (err as Error).message });
    }
  };
  // A move ends the selection (the bar closes), so its outcome is said by the list, not here.
  const move = async (to: Stage, chosen: string[], input: { reason?: string; lossReason?: string }) => {
    setStatus({ busy: `Moving ${count(chosen.length)}…` });
    try {
      const done = await inPages(chosen, (prospectIds) => send('stage.moveMany', { prospectIds, stageId: to.id, ...input }), (n) =>
        setStatus({ busy: `Moving… ${n.toLocaleString()} of ${chosen.length.toLocaleString()}` }),
      );
      onMoved(`Moved ${count(done.reduce((n, r) => n + r.moved, 0))} to ${to.name}.`);
      selection.clear();
    } catch (err) {
      setStatus({ error: (err as Error).message });
    }
  };
  const requestMove = async () => {
    const to = settings.stages.find((s) => s.id === stageId);
    if (!to) return;
    const chosen = ids;
    setStatus({ busy: 'Checking the stage rules…' });
    try {
      const check = await previewMany(chosen, to.id);
      if (check.moving === 0) return setStatus({ done: `Everyone selected is already in ${to.name}.` });
      setStatus({});
      if (check.needsReason || check.needsLossReason) setPending({ to, check, ids: chosen });
      else await move(to, chosen, {});
    } catch (err) {
      setStatus({ error: (err as Error).message });
    }
  };

  const busy = !!status.busy;
  return (
    <section aria-label="Bulk actions" className="mb-3 flex flex-col gap-2 rounded border border-blue-200 bg-blue-50 p-2 text-sm dark:border-slate-600 dark:bg-slate-800">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <span className="font-medium">{count(ids.length)} selected</span>
        <button type="button" onClick={selection.clear} className="underline">
          Clear selection
        </button>
        <span className="flex items-center gap-1">
          <label htmlFor={stageField}>Move to</label>
          <select id={stageField} value={stageId} onChange={(e) => setStageId(e.target.value)} className={FIELD}>
            {settings.stages.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy || !!pending} onClick={() => void requestMove()} className={BUTTON}>
            Move
          </button>
        </span>
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            const t = tag.trim();
            if (!t) return;
            void act(`Tagging ${count(ids.length)}…`, async () => {
              const done = await inPages(ids, (prospectIds) => send('tags.addMany', { prospectIds, tag: t }));
              setTag('');
              return `Tagged ${count(done.reduce((n, r) => n + r.tagged, 0))} “${t}”.`;
            });
          }}
        >
          <label htmlFor={tagField}>Tag</label>
          <input id={tagField} value={tag} maxLength={60} onChange={(e) => setTag(e.target.value)} className={`${FIELD} w-32`} />
          <button type="submit" disabled={busy || !tag.trim()} className={BUTTON}>
            Add tag
          </button>
        </form>
        {settings.cadences.length > 0 && (
          <span className="flex items-center gap-1">
            <label htmlFor={cadenceField}>Cadence</label>
            <select id={cadenceField} value={cadenceId} onChange={(e) => setCadenceId(e.target.value)} className={FIELD}>
              {settings.cadences.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={busy || !cadenceId}
              onClick={() =>
                void act(`Starting the cadence for ${count(ids.length)}…`, async () => {
                  const done = await inPages(ids, (prospectIds) => send('cadence.startMany', { prospectIds, cadenceId }));
                  const started = done.reduce((n, r) => n + r.started, 0);
                  const skipped = done.reduce((n, r) => n + r.skipped, 0);
                  return `Started for ${count(started)}${skipped ? `; ${count(skipped)} already in it` : ''}.`;
                })
              }
              className={BUTTON}
            >
              Start cadence
            </button>
          </span>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() => void act(`Exporting ${count(ids.length)}…`, async () => (await exportProspects({ ids }, settings.stages), `Exported ${count(ids.length)}.`))}
          className={BUTTON}
        >
          Export CSV
        </button>
      </div>
      {pending && (
        <MoveDialog
          to={pending.to}
          check={pending.check}
          lossReasons={settings.lossReasons}
          onCancel={() => setPending(undefined)}
          onConfirm={(input) => void move(pending.to, pending.ids, input)}
        />
      )}
      {status.busy && <p role="status">{status.busy}</p>}
      {status.done && <p role="status">{status.done}</p>}
      {status.error && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {status.error}
        </p>
      )}
    </section>
  );
}
