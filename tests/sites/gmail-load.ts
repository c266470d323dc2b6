import { readFileSync } from 'node:fs';
import { extractGmail, type GmailExtractOptions } from '@/lib/sites/gmail/extract';

/** A fixture as a Document (happy-dom), the way the content script sees the page. */
export function loadFixture(file: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = readFileSync(`tests/fixtures/${file}`, 'utf8');
  return doc;
}

export const NO_SETTINGS: GmailExtractOptions = { internalDomains: [], neverCapture: [] };

export function detectFixture(file: string, url: string, options: GmailExtractOptions = NO_SETTINGS) {
  return extractGmail(loadFixture(file), url, options);
}
