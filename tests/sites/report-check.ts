import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { expect, it } from 'vitest';
import { extractGmail } from '@/lib/sites/gmail/extract';
import { extractLinkedIn } from '@/lib/sites/linkedin/extract';
import type { Detected } from '@/lib/sites/types';

export interface ReportExpected {
  kind: string;
  /** The parts the adapter must read on this page: first what it read when the rep reported it. */
  health: Record<string, string>;
}

/** The facts a report carries in its <meta name="touchline-report">. */
export function reportMeta(html: string): { site: 'gmail' | 'linkedin'; kind: string; url: string; health: Record<string, string>; date: string } {
  const doc = new Window().document;
  doc.write(html);
  const content = doc.querySelector('meta[name="touchline-report"]')?.getAttribute('content');
  if (!content) throw new Error('Not a Touchline page report: no <meta name="touchline-report">.');
  return JSON.parse(content);
}

/** What the adapter reads on a report's sanitized page, parsed at the page's (placeholder) URL. */
export function detectReport(html: string): Detected {
  const meta = reportMeta(html);
  const win = new Window({ url: meta.url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  win.document.write(html);
  const doc = win.document as unknown as Document;
  return meta.site === 'gmail' ? extractGmail(doc, meta.url, { internalDomains: [], neverCapture: [] }) : extractLinkedIn(doc, meta.url);
}

/**
 * The adapter test of one reported page: the page kind and every part as `<fixture>.expected.json` says.
 * A new report's expected file holds what the adapter read when the rep reported it; fix the adapter, then
 * set the part that was misread to "found" there.
 */
export function checkReport(fixturesDir: string, fixture: string): void {
  const html = readFileSync(join(fixturesDir, fixture), 'utf8');
  const expected = JSON.parse(readFileSync(join(fixturesDir, fixture.replace(/\.html$/, '.expected.json')), 'utf8')) as ReportExpected;
  it(`reads ${fixture} as a ${expected.kind} page with the expected parts`, () => {
    const detected = detectReport(html);
    expect(detected.kind).toBe(expected.kind);
    expect(detected.health ?? {}).toEqual(expected.health);
  });
}
