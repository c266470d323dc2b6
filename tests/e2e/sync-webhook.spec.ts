import { test, expect } from '@playwright/test';
import { WebhookFake } from '../sync/fakes/webhook';
import { launchWithGrantedHosts } from '../support/grant-hosts';
import { GMAIL_THREAD_URL } from '../support/launch';
import { webhookForm } from './sync-support';
import { sidebar } from './fixtures';

// The webhook receiver is the local fake (tests/sync/fakes/webhook.ts) on 127.0.0.1; the service worker's
// fetches are real network requests to it.
test('connect a webhook from the options page, add Maria in Gmail, see her reach the webhook and the sidebar say synced', async () => {
  const fake = await new WebhookFake().start();
  const HOOK_URL = fake.url;
  const ext = await launchWithGrantedHosts(['http://127.0.0.1/*']);
  try {
    const { options } = await webhookForm(ext, HOOK_URL);
    await options.getByLabel('Signing secret').fill('whsec-wrong');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('alert')).toContainText('Webhook connection failed: The webhook refused the request (HTTP 401): check the signing secret.');

    await options.getByLabel('Signing secret').fill('whsec-good');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'The webhook accepted' })).toContainText('The webhook accepted a signed test event.');
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(options.getByRole('status', { name: 'Sync status' })).toContainText('Up to date');

    const page = await ext.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const panel = sidebar(page);
    await panel.getByRole('button', { name: 'Add Maria Gomez' }).click();
    const maria = panel.getByRole('listitem', { name: 'Maria Gomez' });
    await expect(maria.getByRole('status', { name: 'CRM sync' })).toHaveText('Synced to CRM');
    const delivered = [...fake.people.values()];
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ name: 'Maria Gomez', emails: ['maria.gomez@acme-robotics.example'], stage: { id: 'prospecting', name: 'Prospecting' } });

    await maria.getByRole('textbox', { name: 'Note' }).fill('Wants a pilot in March');
    await maria.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => [...fake.touches.values()].map((t) => t.summary)).toEqual(['Wants a pilot in March']);
    await expect(maria.getByRole('status', { name: 'CRM sync' })).toHaveText('Synced to CRM');
  } finally {
    await ext.close();
    await fake.server.close();
  }
});

// The sync engine is not in the worker's first script: a worker started again after Chrome stopped it loads
// background-full.js (imported once at install) only when a request needs it (lib/background/lazy-full.ts).
test('after Chrome stops the service worker, the next touch still reaches the webhook', async () => {
  const fake = await new WebhookFake().start();
  const ext = await launchWithGrantedHosts(['http://127.0.0.1/*']);
  try {
    const { options } = await webhookForm(ext, fake.url);
    await options.getByLabel('Signing secret').fill('whsec-good');
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(options.getByRole('status', { name: 'Sync status' })).toContainText('Up to date');

    const page = await ext.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const maria = sidebar(page).getByRole('listitem', { name: 'Maria Gomez' });
    await sidebar(page).getByRole('button', { name: 'Add Maria Gomez' }).click();
    await expect(maria.getByRole('status', { name: 'CRM sync' })).toHaveText('Synced to CRM');

    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();

    await maria.getByRole('textbox', { name: 'Note' }).fill('Call back after the board meeting');
    await maria.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => [...fake.touches.values()].map((t) => t.summary)).toEqual(['Call back after the board meeting']);
    await expect(maria.getByRole('status', { name: 'CRM sync' })).toHaveText('Synced to CRM');
  } finally {
    await ext.close();
    await fake.server.close();
  }
});
