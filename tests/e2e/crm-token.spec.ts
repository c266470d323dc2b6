import { test, expect, type Page } from '@playwright/test';
import { WebhookFake } from '../sync/fakes/webhook';
import { launchWithGrantedHosts } from '../support/grant-hosts';
import { GMAIL_THREAD_URL, type Launched } from '../support/launch';
import { inContentScript } from './content-world';
import { webhookForm } from './sync-support';
import { sidebar } from './fixtures';

// Issue 12 §1 on the real extension: the CRM token lives where no content script can read it (whatever the
// browser's storage access levels), is sent only to an origin the rep still grants, and disconnecting gives
// the origin back.
// The service worker's own API, as the evaluated functions see it.
declare const chrome: {
  permissions: { contains(p: { origins: string[] }): Promise<boolean>; remove(p: { origins: string[] }): Promise<boolean> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
};
const SECRET = 'whsec-touchline-7f3a9c1e5b';
const HOST = 'http://127.0.0.1/*';

/** The stored connection's token, read by the background from the extension's own IndexedDB. */
const storedToken = (ext: Launched) =>
  ext.serviceWorker.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('touchline');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('secrets').objectStore('secrets').get('connection');
          get.onsuccess = () => (open.result.close(), resolve(get.result?.connection?.token ?? null));
        };
      }),
  );
const granted = (ext: Launched) => ext.serviceWorker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), HOST);

async function connect(ext: Launched, fake: WebhookFake): Promise<{ optionsPage: Page; options: ReturnType<Page['getByRole']> }> {
  const form = await webhookForm(ext, fake.url);
  await form.options.getByLabel('Signing secret').fill(SECRET);
  await form.options.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(form.options.getByRole('status', { name: 'Sync status' })).toContainText('Up to date');
  return form;
}

test('a content script that tries every way to the CRM token gets nothing; a withdrawn host is never sent it', async () => {
  const fake = await new WebhookFake().start();
  fake.secret = SECRET;
  const ext = await launchWithGrantedHosts([HOST]);
  try {
    const { optionsPage, options } = await connect(ext, fake);
    // The token is stored, in the extension's database, and nowhere in storage.local.
    expect(await storedToken(ext)).toBe(SECRET);
    expect(JSON.stringify(await ext.serviceWorker.evaluate(() => chrome.storage.local.get(null)))).not.toContain(SECRET);

    const page = await ext.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    await expect(sidebar(page).getByRole('button', { name: 'Add Maria Gomez' })).toBeVisible();
    // Everything Touchline's own content script (or a page that took it over) could try, each answer as text.
    const attempts = await inContentScript<Array<[string, string]>>(
      ext,
      page,
      `(async () => {
        const out = [];
        const attempt = async (label, read) => {
          try { out.push([label, JSON.stringify(await read()) ?? 'undefined']); } catch (err) { out.push([label, 'refused: ' + err.message]); }
        };
        await attempt('storage.local', () => chrome.storage.local.get(null));
        await attempt('storage.session', () => chrome.storage.session.get(null));
        await attempt('storage.sync', () => chrome.storage.sync.get(null));
        await attempt('indexedDB', async () => {
          const dump = {};
          const names = new Set([...(await indexedDB.databases()).map((d) => d.name), 'touchline']);
          for (const name of names) {
            const db = await new Promise((ok, ko) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
            dump[name] = {};
            for (const store of db.objectStoreNames) {
              dump[name][store] = await new Promise((ok) => { const g = db.transaction(store).objectStore(store).getAll(); g.onsuccess = () => ok(g.result); });
            }
            db.close();
          }
          return dump;
        });
        for (const type of ['sync.connection.get', 'sync.connection.test', 'sync.preview', 'sync.connection.remove']) {
          await attempt(type, () => chrome.runtime.sendMessage({ type, payload: {} }));
        }
        return out;
      })()`,
    );
    expect(attempts.map(([label]) => label)).toEqual(['storage.local', 'storage.session', 'storage.sync', 'indexedDB', 'sync.connection.get', 'sync.connection.test', 'sync.preview', 'sync.connection.remove']);
    for (const [label, answer] of attempts) expect(answer, label).not.toContain(SECRET);
    expect(attempts.find(([l]) => l === 'indexedDB')![1]).not.toContain('secrets');
    expect(attempts.find(([l]) => l === 'sync.connection.get')![1]).toContain('"forbidden"');

    // The rep withdraws the host at chrome://extensions: the next change is not sent, and the options page says why.
    await ext.serviceWorker.evaluate((origin) => chrome.permissions.remove({ origins: [origin] }), HOST);
    expect(await granted(ext)).toBe(false);
    await sidebar(page).getByRole('button', { name: 'Add Maria Gomez' }).click();
    await optionsPage.reload();
    await expect(options.getByRole('status', { name: 'Sync status' })).toContainText(
      'Touchline may no longer reach http://127.0.0.1, so nothing is sent to Webhook. Connect it again',
    );
    expect(fake.people.size).toBe(0);
  } finally {
    await ext.close();
    await fake.server.close();
  }
});

test('disconnecting the CRM forgets its token and gives its host back to the browser', async () => {
  const fake = await new WebhookFake().start();
  fake.secret = SECRET;
  const ext = await launchWithGrantedHosts([HOST]);
  try {
    const { options } = await connect(ext, fake);
    expect(await granted(ext)).toBe(true);
    await options.getByRole('button', { name: 'Disconnect' }).click();
    await expect(options.getByLabel('Webhook URL').or(options.getByRole('combobox', { name: 'CRM' }))).toBeVisible();
    await expect.poll(() => granted(ext)).toBe(false);
    expect(await storedToken(ext)).toBeNull();
  } finally {
    await ext.close();
    await fake.server.close();
  }
});
