import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging/client';
import type { Stage } from '@/lib/process/stage';
import type { RemoteStage } from '@/lib/sync/adapter';
import { CRM_LABELS, DEFAULT_BASE_URLS, originPattern } from '@/lib/sync/connection';
import { defaultStageMap } from '@/lib/sync/stage-map';
import { CRM_KINDS, type CrmKind } from '@/lib/sync/types';
import { StageMapping } from './CrmStageMapping';

const TOKEN_LABELS: Record<CrmKind, string> = {
  hubspot: 'Private app token',
  pipedrive: 'API token',
  twenty: 'API key',
  salesforce: 'Connected app consumer key',
  webhook: 'Signing secret',
};

/** The browser asks the user for this CRM's host now, and only for that one origin. */
async function askForHost(crm: CrmKind, url: string | undefined): Promise<string | null> {
  const origin = originPattern(crm, url);
  const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
  return granted ? null : `Touchline was not allowed to reach ${origin.replace('/*', '')}. Allow access when the browser asks, or sync cannot work.`;
}

/** Choose a CRM, paste its token, test it, map stages, connect. */
export function CrmConnectionForm({ stages, onConnected }: { stages: Stage[]; onConnected: () => void }) {
  const [crm, setCrm] = useState<CrmKind>('hubspot');
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string }>();
  const [remote, setRemote] = useState<RemoteStage[]>([]);
  const [stageMap, setStageMap] = useState<Record<string, string>>({});
  const ids = { crm: useId(), url: useId(), token: useId() };
  const [people, setPeople] = useState<'Contact' | 'Lead'>('Contact');
  const needsUrl = crm === 'webhook' || crm === 'twenty' || crm === 'salesforce';
  const input = () => ({ crm, token: token.trim(), baseUrl: url.trim() || undefined });

  /** Runs one action with the buttons disabled; its error is shown under the form. */
  async function busyWhile(action: () => Promise<void>) {
    setBusy(true);
    setResult(undefined);
    try {
      await action();
    } catch (err) {
      setResult({ ok: false, message: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  /** Salesforce: the browser's identity API shows Salesforce's sign-in; PKCE, no client secret. */
  const signIn = () =>
    busyWhile(async () => {
      const loginUrl = url.trim() || 'https://login.salesforce.com';
      const granted = await browser.permissions
        .request({ permissions: ['identity'], origins: [originPattern('salesforce', loginUrl), 'https://*.my.salesforce.com/*'] })
        .catch(() => false);
      if (!granted) throw new Error('Touchline needs the browser\u2019s sign-in window and access to Salesforce to connect it.');
      await send('sync.salesforce.signIn', { clientId: token.trim(), loginUrl, people });
      setToken('');
      onConnected();
    });

  const run = (action: 'test' | 'connect') =>
    busyWhile(async () => {
      if (crm === 'webhook' && !url.trim()) throw new Error('Enter the webhook URL.');
      const denied = await askForHost(crm, url.trim() || DEFAULT_BASE_URLS[crm]);
      if (denied) throw new Error(denied);
      if (action === 'test') {
        const r = await send('sync.connection.test', input());
        setResult(r);
        if (r.ok) {
          setRemote(r.stages);
          setStageMap(defaultStageMap(stages, r.stages));
        }
      } else {
        await send('sync.connection.save', { ...input(), stageMap: remote.length ? stageMap : undefined });
        setToken('');
        onConnected();
      }
    });

  return (
    <form className="flex flex-col gap-3" onSubmit={(e) => (e.preventDefault(), void run('connect'))}>
      <label htmlFor={ids.crm} className="flex flex-col gap-1 text-sm font-medium">
        CRM
        <select id={ids.crm} value={crm} onChange={(e) => (setCrm(e.target.value as CrmKind), setRemote([]), setResult(undefined))} className="rounded border border-slate-300 p-1">
          {CRM_KINDS.map((k) => (
            <option key={k} value={k}>
              {CRM_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {needsUrl && (
        <label htmlFor={ids.url} className="flex flex-col gap-1 text-sm font-medium">
          {crm === 'webhook' ? 'Webhook URL' : crm === 'salesforce' ? 'Salesforce login URL (leave empty for login.salesforce.com)' : 'Twenty URL (leave empty for Twenty cloud)'}
          <input
            id={ids.url}
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder={crm === 'webhook' ? 'https://hooks.example.com/touchline' : crm === 'salesforce' ? 'https://login.salesforce.com' : 'https://crm.example.com'}
            className="rounded border border-slate-300 p-1"
          />
        </label>
      )}
      {crm === 'salesforce' && (
        <label className="flex flex-col gap-1 text-sm font-medium">
          People go to
          <select value={people} onChange={(e) => setPeople(e.target.value as 'Contact' | 'Lead')} className="rounded border border-slate-300 p-1">
            <option value="Contact">Contacts (each with an Opportunity for its stage)</option>
            <option value="Lead">Leads (the stage sets the lead status)</option>
          </select>
        </label>
      )}
      <label htmlFor={ids.token} className="flex flex-col gap-1 text-sm font-medium">
        {TOKEN_LABELS[crm]}
        <input id={ids.token} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} className="rounded border border-slate-300 p-1" />
      </label>
      {remote.length > 0 && <StageMapping stages={stages} remote={remote} value={stageMap} onChange={setStageMap} />}
      {crm === 'salesforce' ? (
        <div className="flex gap-2">
          <button type="button" disabled={busy || !token.trim()} onClick={() => void signIn()} className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50">
            Sign in with Salesforce
          </button>
        </div>
      ) : (
      <div className="flex gap-2">
        <button type="button" disabled={busy || !token.trim()} onClick={() => void run('test')} className="rounded border border-slate-300 px-3 py-1 text-sm font-medium disabled:opacity-50">
          Test connection
        </button>
        <button type="submit" disabled={busy || !token.trim()} className="rounded bg-blue-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50">
          Connect
        </button>
      </div>
      )}
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'text-sm text-emerald-700' : 'text-sm text-red-700'}>
          {result.message}
        </p>
      )}
    </form>
  );
}
