import { useAsync } from '@/components/ui/use-async';
import { send } from '@/lib/messaging/client';
import { partLabel } from '@/lib/health/labels';

const day = (at: number | undefined) => (at ? new Date(at).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' }) : 'never');

/**
 * "Site health" on the options page: for each site, page kind and part Touchline expects, how often it was
 * read, read by a fallback selector (the site may be changing), or missing, and the day it last worked.
 * Counts only: no value read from a page is kept.
 */
export function SiteHealth() {
  const rows = useAsync(() => send('health.get', {}), []);
  const list = rows.value ?? [];
  return (
    <section aria-labelledby="site-health" className="mt-6 rounded border border-slate-200 p-4">
      <h2 id="site-health" className="mb-2 text-lg font-semibold">Site health</h2>
      <p className="mb-2 text-sm text-slate-600">
        What Touchline could read on the Gmail and LinkedIn pages you opened. A part that goes missing or needs a fallback usually
        means the site changed its pages. Only counts are kept, never what the pages said.
      </p>
      {rows.error && <p role="alert" className="text-red-700">{rows.error}</p>}
      {rows.value && list.length === 0 && <p className="text-sm text-slate-500">Nothing read yet: open a Gmail thread or a LinkedIn profile.</p>}
      {list.length > 0 && (
        <table className="w-full text-left text-sm" aria-label="Site health">
          <thead>
            <tr className="text-slate-500">
              <th scope="col">Site</th>
              <th scope="col">Page</th>
              <th scope="col">Part</th>
              <th scope="col">Read</th>
              <th scope="col">Fallback</th>
              <th scope="col">Missing</th>
              <th scope="col">Last seen working</th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => {
              const broken = r.missing > 0 && (!r.lastWorking || (r.lastMissing ?? 0) > r.lastWorking);
              return (
                <tr key={`${r.site}/${r.kind}/${r.part}`} aria-label={`${r.site} ${r.kind} ${r.part}`} className={broken ? 'text-red-700' : undefined}>
                  <td>{r.site === 'gmail' ? 'Gmail' : 'LinkedIn'}</td>
                  <td>{r.kind}</td>
                  <td>{partLabel(r.part)}</td>
                  <td>{r.found}</td>
                  <td>{r.fallback}</td>
                  <td>{r.missing}</td>
                  <td>{broken ? `Not working (last worked: ${day(r.lastWorking)})` : day(r.lastWorking)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
