import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Window } from 'happy-dom';

/** Real pages saved logged in and sanitized (tests/fixtures/real/README.md), with what a correct reader finds. */
export const REAL = join(import.meta.dirname ?? __dirname, '../fixtures/real');

export function realHtml(file: string): string {
  const raw = readFileSync(join(REAL, file));
  return file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
}

/** A real page parsed as the browser would at `url` (no scripts run). */
export function loadReal(file: string, url: string): Document {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  win.document.write(realHtml(file));
  return win.document as unknown as Document;
}

export const realExpected = JSON.parse(readFileSync(join(REAL, 'expected.json'), 'utf8')) as Record<string, any>;
