import { useRef, useState } from 'react';
import { send } from '@/lib/messaging/client';
import { runDataJob, download, type RunningJob } from '@/lib/data/client';
import { ENCODINGS, IMPORT_FIELDS, previewCsv, unmappedHeaders, type CsvPreview, type Encoding, type ImportProgress, type ImportSummary, type Mapping } from '@/lib/data/csv';

type Step =
  | { at: 'pick' }
  | { at: 'map'; file: File; preview: CsvPreview }
  | { at: 'running'; file: File; progress?: ImportProgress; cancelling?: boolean }
  | { at: 'done'; summary: ImportSummary };

const sizeText = (bytes: number) =>
  bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(1)} GB` : bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8 (most files)',
  'windows-1252': 'Windows-1252 (Excel on Windows)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** Pick a file, map its columns (guessed from the headers), preview, import with progress and cancel. */
export function ImportWizard({ onImported }: { onImported?: () => void }) {
  const [step, setStep] = useState<Step>({ at: 'pick' });
  const [encoding, setEncoding] = useState<Encoding>('utf-8');
  const [error, setError] = useState<string>();
  // The file last picked: choosing another encoding after a "not UTF-8" message reads it again.
  const [picked, setPicked] = useState<File>();
  const job = useRef<RunningJob<ImportSummary>>(undefined);

  async function pick(file: File | undefined, enc = encoding) {
    setError(undefined);
    setPicked(file);
    if (!file) return;
    try {
      setStep({ at: 'map', file, preview: await previewCsv(file, { encoding: enc }) });
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function start(file: File, mapping: Mapping) {
    setError(undefined);
    setStep({ at: 'running', file });
    try {
      const settings = await send('settings.get', {});
      job.current = runDataJob<ImportSummary>({ job: 'import', file, mapping, settings, encoding }, (p) =>
        setStep((s) => ({ at: 'running', file, progress: p as ImportProgress, cancelling: s.at === 'running' && s.cancelling })),
      );
      const summary = await job.current.done;
      setStep({ at: 'done', summary });
      onImported?.();
    } catch (e) {
      setError((e as Error).message);
      setStep({ at: 'pick' });
    }
  }

  async function cancel() {
    await job.current?.cancel();
    setStep((s) => (s.at === 'running' ? { ...s, cancelling: true } : s));
  }

  return (
    <section aria-labelledby="import-h" className="space-y-3">
      <h2 id="import-h" className="text-lg font-semibold">Import a CSV file</h2>
      {error && <p role="alert" className="text-red-700 dark:text-red-300">{error}</p>}
      {step.at === 'pick' && (
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            CSV file to import
            <input type="file" aria-label="CSV file to import" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={(e) => pick(e.target.files?.[0])} />
          </label>
          <label className="flex flex-col text-sm">
            Encoding
            <select aria-label="Encoding" value={encoding} onChange={(e) => {
                const enc = e.target.value as Encoding;
                setEncoding(enc);
                if (picked) void pick(picked, enc);
              }} className="rounded border px-2 py-1 dark:bg-slate-800">
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>{ENCODING_LABELS[e]}</option>
              ))}
            </select>
          </label>
        </div>
      )}
      {step.at === 'map' && <MapColumns file={step.file} preview={step.preview} onBack={() => setStep({ at: 'pick' })} onImport={(m) => start(step.file, m)} />}
      {step.at === 'running' && (
        <div className="space-y-2">
          <progress className="w-full" aria-label="Import progress" max={step.file.size} value={step.progress?.bytes ?? 0} />
          <p className="text-sm" aria-live="polite">
            {step.progress
              ? // `rows` counts the rows of the batches written (the file is read ahead of them): new, updated, unchanged and rejected add up to it.
                `${step.progress.rows.toLocaleString()} rows done (${sizeText(step.progress.bytes)} of ${sizeText(step.file.size)} read): ${step.progress.created.toLocaleString()} new, ${step.progress.updated.toLocaleString()} updated, ${step.progress.unchanged.toLocaleString()} unchanged, ${step.progress.rejected.toLocaleString()} rejected`
              : `Reading ${step.file.name} (${sizeText(step.file.size)})…`}
          </p>
          {step.cancelling ? (
            <p className="text-sm" role="status">Cancelling: the import stops after the rows being written now.</p>
          ) : (
            <button type="button" className="rounded border px-3 py-1" onClick={cancel}>
              Cancel import
            </button>
          )}
        </div>
      )}
      {step.at === 'done' && <ImportResult summary={step.summary} onAgain={() => setStep({ at: 'pick' })} />}
    </section>
  );
}

function MapColumns({ file, preview, onBack, onImport }: { file: File; preview: CsvPreview; onBack: () => void; onImport: (m: Mapping) => void }) {
  const [mapping, setMapping] = useState<Mapping>(preview.mapping);
  const unmapped = unmappedHeaders(preview.header, mapping);
  const identifies = mapping.some((f) => f === 'email' || f === 'linkedinUrl');
  const nothing = mapping.every((f) => !f);
  return (
    <div className="space-y-3">
      <p className="text-sm">
        {file.name} ({sizeText(file.size)}): {preview.header.length} columns. Choose what each column holds; people are recognised by email or LinkedIn URL.
      </p>
      <div className="overflow-x-auto">
        <table className="text-left text-sm" aria-label="Column mapping and preview">
          <thead>
            <tr>
              {preview.header.map((h, i) => (
                <th key={i} className="px-2 py-1 align-bottom">
                  <label className="flex flex-col gap-1">
                    <span>{h || `Column ${i + 1}`}</span>
                    <select
                      aria-label={`Map column ${h || i + 1} to`}
                      value={mapping[i] ?? ''}
                      onChange={(e) => setMapping((m) => m.map((f, j) => (j === i ? ((e.target.value || null) as Mapping[number]) : f)))}
                      className="rounded border px-1 py-0.5 font-normal dark:bg-slate-800"
                    >
                      <option value="">Not imported</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f.id} value={f.id}>{f.label}</option>
                      ))}
                    </select>
                  </label>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => (
              <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
                {preview.header.map((_, j) => (
                  <td key={j} className="max-w-48 truncate px-2 py-1">{r[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nothing ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          None of the columns ({preview.header.filter((h) => h.trim()).slice(0, 6).join(', ') || 'no names'}) was recognised. Is the first line the header? Choose what each
          column holds above.
        </p>
      ) : (
        unmapped.length > 0 && <p className="text-sm text-slate-600 dark:text-slate-300">Not imported: {unmapped.join(', ')}.</p>
      )}
      {!nothing && !identifies && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Map at least one column to Email or LinkedIn URL: people are recognised by them.
        </p>
      )}
      <div className="flex gap-2">
        <button type="button" disabled={!identifies} className="rounded bg-blue-700 px-3 py-1 text-white disabled:opacity-50" onClick={() => onImport(mapping)}>
          Import
        </button>
        <button type="button" className="rounded border px-3 py-1" onClick={onBack}>
          Choose another file
        </button>
      </div>
    </div>
  );
}

function ImportResult({ summary: s, onAgain }: { summary: ImportSummary; onAgain: () => void }) {
  return (
    <div className="space-y-2">
      <p role="status">
        {s.cancelled ? 'Import cancelled. The rows done before the cancel stay imported: ' : 'Import finished: '}
        {s.created} new, {s.updated} updated, {s.unchanged} unchanged, {s.rejected} rejected.
      </p>
      {s.rejectsFile && (
        <>
          <button type="button" className="rounded border px-3 py-1" onClick={() => download(s.rejectsFile!, 'touchline-rejects.csv')}>
            Download rejected rows (CSV)
          </button>
          <table className="text-left text-sm" aria-label="Rejected rows">
            <thead>
              <tr className="text-xs uppercase text-slate-500">
                <th className="pr-3">Line</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {s.rejects.map((r) => (
                <tr key={r.line}>
                  <td className="pr-3 tabular-nums">{r.line}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.rejected > s.rejects.length && <p className="text-sm">…and {(s.rejected - s.rejects.length).toLocaleString()} more in the download.</p>}
        </>
      )}
      <button type="button" className="rounded border px-3 py-1" onClick={onAgain}>
        Import another file
      </button>
    </div>
  );
}
