import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES = join(__dirname, '../fixtures');

/** A fixture parsed as the browser would at `url` (no scripts run). */
export function loadFixture(file: string, url: string): Document {
  const win = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  win.document.write(readFileSync(join(FIXTURES, file), 'utf8'));
  return win.document as unknown as Document;
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as T;
}
