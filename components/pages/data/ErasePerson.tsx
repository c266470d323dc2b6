import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/lib/db/database';
import { erasePerson, withNeverCapture, type EraseReport } from '@/lib/data/erase';
import { send } from '@/lib/messaging/client';
import type { Prospect } from '@/lib/model';
import { findProspect } from '@/lib/store/prospects';

const CRM_NAMES: Record<string, string> = { hubspot: 'HubSpot', pipedrive: 'Pipedrive', twenty: 'Twenty', salesforce: 'Salesforce', webhook: 'the webhook receiver' };

/** Asks first, then erases the person and says what happened (and what must be removed from the CRM by hand). */
export function EraseConfirm({ prospect, onDone, onCancel }: { prospect: Prospect; onDone: (r: EraseReport) => void; onCancel: () => void }) {
  const [neverCapture, setNeverCapture] = useState(true);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function erase() {
    setBusy(true);
    try {
      const settings = await send('settings.get', {});
      const report = await erasePerson(getDb(), prospect.id, { settings, neverCapture });
      if (report.neverCapture.length) await send('settings.save', withNeverCapture(settings, report.neverCapture));
      // The erase was written here, not in the background: wake the engine so the CRM deletion goes now.
      if (report.crm?.queued.length || report.crm?.inFlight) void send('sync.now', {}).catch(() => undefined);
      onDone(report);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }
  return (
    <div role="alertdialog" aria-labelledby="erase-title" aria-describedby="erase-desc" className="space-y-2 rounded border border-red-300 p-3 dark:border-red-800">
      <h3 id="erase-title" className="font-semibold">Erase {prospect.name}?</h3>
      <p id="erase-desc" className="text-sm">
        This removes {prospect.name} and everything about them from Touchline: touches, tasks, stage history, scores, criteria, cadences,
        merge records and CRM sync links. It cannot be undone.
      </p>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={neverCapture} onChange={(e) => setNeverCapture(e.target.checked)} />
        Never capture them again (adds {[...prospect.emails, prospect.linkedinUrl].filter(Boolean).join(', ')} to the never-capture list)
      </label>
      {error && <p role="alert">{error}</p>}
      <div className="flex gap-2">
        <button type="button" disabled={busy} className="rounded bg-red-700 px-3 py-1 text-white" onClick={erase}>
          Erase {prospect.name}
        </button>
        <button type="button" className="rounded border px-3 py-1" onClick={onCancel}>
          Keep them
        </button>
      </div>
    </div>
  );
}

export function eraseSummary(r: EraseReport): string {
  const crm = r.crm ? crmSummary(r.crm) : '';
  return `${r.name} was erased.${r.neverCapture.length ? ' They will not be captured again.' : ''}${crm}`;
}

function crmSummary(c: NonNullable<EraseReport['crm']>): string {
  const name = CRM_NAMES[c.crm] ?? c.crm;
  const parts: string[] = [];
  if (c.queued.length) parts.push(` Deleting their records in ${name} (${c.queued.join(', ')}) is queued.`);
  else if (c.inFlight) parts.push(` A send to ${name} was under way: whatever it creates for them is deleted there too.`);
  if (c.byHand.length) parts.push(` Touchline cannot delete ${c.byHand.join(', ')} in ${name}: delete them there by hand.`);
  if (c.shared.length) parts.push(` ${c.shared.join(', ')} stays in ${name}: another prospect with the same email uses it.`);
  return parts.join('') || ` Nothing of them had reached ${name}.`;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Follows the erase row in the outbox: waiting, refused with the CRM's reason, or gone (deleted there). */
export function CrmEraseStatus({ report }: { report: EraseReport }) {
  const c = report.crm;
  const state = useLiveQuery(async () => {
    const db = getDb();
    const row = await db.outbox.where('prospectId').equals(report.id).filter((r) => r.kind === 'erase').first();
    // Disconnecting the CRM drops what waits for it: a row gone with the connection was never sent.
    return { row: row ?? null, connected: !!(await db.syncMeta.get('target')) };
  }, [report.id]);
  // Once done, done: a disconnect afterwards does not make it look unsent.
  const done = useRef(false);
  if (state && !state.row && state.connected) done.current = true;
  if (!c || (!c.queued.length && !c.inFlight) || state === undefined) return null;
  const { row } = state;
  const name = CRM_NAMES[c.crm] ?? c.crm;
  const text = !row
    ? done.current
      ? `Done: their records in ${name} were deleted.`
      : `${cap(name)} was disconnected before the deletion was sent: delete ${c.queued.join(', ') || 'their records'} there by hand.`
    : row.failed
      ? `${cap(name)} has not deleted their records yet: ${row.failed.reason} Touchline keeps the deletion waiting (see the CRM section of the options page).`
      : `The deletion in ${name} waits in the outbox; it is sent with the next sync.`;
  return (
    <div className="flex items-center gap-2 text-sm">
      <p role="status" aria-label="CRM deletion">
        {text}
      </p>
      {row?.failed && (
        <button type="button" className="rounded border px-2" onClick={() => void send('sync.retry', { prospectId: report.id }).catch(() => undefined)}>
          Retry the deletion
        </button>
      )}
    </div>
  );
}

/** Find a person by email or LinkedIn URL (exactly), or by name, and erase them. */
export function ErasePerson() {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Prospect[]>();
  const [chosen, setChosen] = useState<Prospect>();
  const [done, setDone] = useState<EraseReport>();
  async function find() {
    setDone(undefined);
    const q = query.trim();
    const db = getDb();
    const exact = await findProspect(db, q.includes('linkedin.com') ? { linkedinUrl: q.replace(/\/+$/, '') } : { emails: [q] });
    const lower = q.toLowerCase();
    setFound(exact ? [exact] : await db.prospects.filter((p) => p.name.toLowerCase().includes(lower)).limit(20).toArray());
  }
  return (
    <section aria-labelledby="erase-h" className="space-y-2">
      <h2 id="erase-h" className="text-lg font-semibold">Erase a person</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">For a request to be forgotten: removes the person and everything Touchline keeps about them.</p>
      <form className="flex gap-2" onSubmit={(e) => (e.preventDefault(), void find())}>
        <input aria-label="Email, LinkedIn URL or name of the person to erase" value={query} onChange={(e) => setQuery(e.target.value)} className="w-80 rounded border px-2 py-1 dark:bg-slate-800" />
        <button type="submit" className="rounded border px-3 py-1">Find</button>
      </form>
      {found && !chosen && (
        <ul aria-label="People found" className="text-sm">
          {found.length === 0 && <li>Nobody matches.</li>}
          {found.map((p) => (
            <li key={p.id} className="flex items-center gap-2">
              <span>{p.name} ({p.emails[0] ?? p.linkedinUrl})</span>
              <button type="button" className="rounded border px-2" onClick={() => setChosen(p)}>
                Erase {p.name}…
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <EraseConfirm
          prospect={chosen}
          onCancel={() => setChosen(undefined)}
          onDone={(r) => {
            setChosen(undefined);
            setFound(undefined);
            setDone(r);
          }}
        />
      )}
      {done && <p role="status">{eraseSummary(done)}</p>}
      {done && <CrmEraseStatus report={done} />}
    </section>
  );
}
