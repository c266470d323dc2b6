import type { Page } from '@playwright/test';
import type { Launched } from '../support/launch';

export const SWITCH_BASE = 'https://mail.google.com/mail/u/0/';
export const THREAD_A = `${SWITCH_BASE}#inbox/FMfcgzQZTlBcdemoThread1`;
export const THREAD_B_HASH = '#inbox/FMfcgzQZTlBcdemoThread2';

/** Saves settings the way the options page does (settings.save is for extension pages only). */
export async function saveSettings(ext: Launched, patch: Record<string, unknown>): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const result = await page.evaluate(async (patch) => {
    type Answer = { ok: boolean; value?: Record<string, unknown>; error?: unknown };
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Answer> } } }).chrome.runtime;
    const current = await runtime.sendMessage({ type: 'settings.get', payload: {} });
    return runtime.sendMessage({ type: 'settings.save', payload: { ...current.value, ...patch } });
  }, patch);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  await page.close();
}

/** Every touch in the extension's database, read from an extension page. */
export async function allTouches(ext: Launched): Promise<Array<{ prospectId: string; channel: string; direction: string; sourceId?: string; subject?: string; summary?: string }>> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const touches = await page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('touchline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('touches').objectStore('touches').getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        };
      }),
  );
  await page.close();
  return touches as never;
}

/** Navigates the single-page fixture by hash, as clicking in Gmail does: no new document is loaded. */
export async function goHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}
