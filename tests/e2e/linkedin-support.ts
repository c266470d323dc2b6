import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR, serveSite, type Launched } from '../support/launch';

export const LI = 'https://www.linkedin.com';

/** The LinkedIn pages the specs visit, each served at its real URL (longest path first wins). */
export async function serveLinkedIn(ext: Launched): Promise<void> {
  await serveSite(ext.context, LI, {
    '/in/priya-natarajan-demo': 'linkedin/profile-2025-03.html',
    '/in/alex-chen-demo': 'linkedin/profile-multi-role-2026-11.html',
    '/in/eve-mallory-demo': 'linkedin/profile-hostile-2026-11.html',
    '/messaging/': 'linkedin/messaging-2025-03.html',
    '/search/results/people': 'linkedin/search-people-2025-03.html',
    '/feed/': 'linkedin/overlay-messaging-2026-11.html',
    '/company/': 'linkedin/company-2026-11.html',
    '/sales/lists/people': 'linkedin/sales-list-2026-11.html',
    '/sales/lead/': 'linkedin/sales-lead-2026-11.html',
  });
}

/**
 * Does what LinkedIn's router does on a click (in the page's own world): history.pushState, then the new
 * route's content replaces the old one inside the app shell. Touchline's sidebar host is left alone.
 */
export async function pushStateTo(page: Page, path: string, fixture: string): Promise<void> {
  const html = readFileSync(join(FIXTURES_DIR, fixture), 'utf8');
  await page.evaluate(
    ({ path, html }) => {
      history.pushState({}, '', path);
      const main = new DOMParser().parseFromString(html, 'text/html').querySelector('main')!;
      document.querySelector('.application-outlet')!.replaceChildren(document.importNode(main, true));
    },
    { path, html },
  );
}

/** A request from an extension page, as the options page or dashboard would send it. */
export async function request<T>(page: Page, type: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(([type, payload]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type, payload }), [type, payload] as const);
  const r = result as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}
