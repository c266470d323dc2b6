import { test, expect } from '@playwright/test';
import { WebhookFake } from '../sync/fakes/webhook';
import { launchWithGrantedHosts } from '../support/grant-hosts';
import { GMAIL_THREAD_URL } from '../support/launch';
import { webhookForm } from './sync-support';
import { sidebar } from './fixtures';

// Issue 12 §4 and 13 §4 on the real extension: a receiver that refuses a batch (422) leaves it refused with
// its reason in the sidebar and on the options page, sync does not stall, Retry sends it again; dry run shows
// what the next push would do and sends nothing until it is turned off.
test('a refused batch shows its reason in the sidebar and the options page; dry run previews and holds pushes back', async () => {
  const fake = await new WebhookFake().start();
  const ext = await launchWithGrantedHosts(['http://127.0.0.1/*']);
  try {
    const { optionsPage, options } = await webhookForm(ext, fake.url);
    await options.getByLabel('Signing secret').fill('whsec-good');
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(options.getByRole('status', { name: 'Sync status' })).toContainText('Up to date');

    fake.refuse = { status: 422, body: { error: 'Unknown stage "prospecting"' } };
    const page = await ext.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const panel = sidebar(page);
    await panel.getByRole('button', { name: 'Add Maria Gomez' }).click();
    const maria = panel.getByRole('listitem', { name: 'Maria Gomez' });
    const state = maria.getByRole('status', { name: 'CRM sync' });
    await expect(state).toContainText('Sync failed');
    await expect(state).toContainText('The webhook refused the batch (HTTP 422: Unknown stage "prospecting")');
    await optionsPage.reload();
    await expect(options.getByLabel('Refused changes')).toContainText('1 × The webhook refused the batch (HTTP 422: Unknown stage "prospecting")');
    await expect(options.getByLabel('Next push')).toContainText('1 change refused');

    // The receiver is fixed; Retry sends the refused change again.
    fake.refuse = undefined;
    await state.getByRole('button', { name: 'Retry sync' }).click();
    await expect(state).toHaveText('Synced to CRM');
    expect([...fake.people.values()].map((p) => p.name)).toEqual(['Maria Gomez']);

    // Dry run: the preview says what would go, nothing goes until it is off.
    await optionsPage.reload();
    const dryRun = options.getByLabel('Dry run: show what would be sent, send nothing');
    await dryRun.click();
    await expect(dryRun).toBeChecked();
    await expect(options.getByRole('status', { name: 'Sync status' })).toContainText('Dry run: nothing is sent');
    await maria.getByRole('textbox', { name: 'Note' }).fill('Wants a pilot in March');
    await maria.getByRole('button', { name: 'Add note' }).click();
    await expect(options.getByLabel('Next push')).toContainText('Touches: 1 new activity, 0 updates.');
    await expect(options.getByLabel('Next push')).toContainText('Create activity: note with Maria Gomez');
    expect(fake.touches.size).toBe(0);
    await dryRun.click();
    await expect(dryRun).not.toBeChecked();
    await expect.poll(() => [...fake.touches.values()].map((t) => t.summary)).toEqual(['Wants a pilot in March']);
  } finally {
    await ext.close();
    await fake.server.close();
  }
});
