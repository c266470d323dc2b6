import { useState } from 'react';
import { sanitizedReport } from '@/lib/health/sanitize';
import type { Detected } from '@/lib/sites/types';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * "Report a page Touchline misreads": makes a copy of this page that keeps its structure and none of its
 * content (lib/health/sanitize.ts), shows it, and saves it as a file on this computer when the rep says so.
 * Nothing is sent anywhere; a developer turns the file into a test with `npm run report:fixture -- <file>`.
 */
export function ReportPage({ detected }: { detected: Detected }) {
  const [report, setReport] = useState<{ html: string; file: string }>();
  const [saved, setSaved] = useState<string>();

  const prepare = () => {
    const date = today();
    const html = sanitizedReport(document, { site: detected.site, kind: detected.kind, url: detected.url, health: detected.health ?? {}, date });
    setReport({ html, file: `touchline-report-${detected.site}-${detected.kind}-${date}.html` });
    setSaved(undefined);
  };

  const save = () => {
    if (!report) return;
    const url = URL.createObjectURL(new Blob([report.html], { type: 'text/html' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = report.file;
    a.rel = 'noopener';
    a.style.display = 'none';
    // Inside the sidebar's own root, so the page never sees the link.
    (document.querySelector('touchline-sidebar')?.shadowRoot ?? document.body).appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setSaved(report.file);
    setReport(undefined);
  };

  if (!report)
    return (
      <div className="flex flex-col gap-1 border-t border-slate-100 pt-2 dark:border-slate-800">
        <button type="button" className="self-start text-xs text-slate-500 underline dark:text-slate-400" onClick={prepare}>
          Report a page Touchline misreads
        </button>
        {saved && <p role="status" className="text-xs text-slate-600 dark:text-slate-300">Saved {saved} in your downloads. Nothing was sent.</p>}
      </div>
    );
  return (
    <section aria-label="Page report" className="flex flex-col gap-2 rounded border border-slate-200 p-2 text-xs dark:border-slate-700">
      <p>
        This is what the report keeps: the page's structure, with every text, name, address and link replaced by placeholders of
        the same length. It is saved on this computer only.
      </p>
      <pre aria-label="Report preview" className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-[10px] dark:bg-slate-800">
        {report.html.slice(0, 20_000)}
      </pre>
      <div className="flex gap-2">
        <button type="button" className="rounded bg-blue-600 px-2 py-1 font-medium text-white" onClick={save}>
          Save report
        </button>
        <button type="button" className="rounded px-2 py-1 underline" onClick={() => setReport(undefined)}>
          Cancel
        </button>
      </div>
    </section>
  );
}
