import { test, expect } from '@playwright/test';
import { WebhookFake } from '../sync/fakes/webhook';
import { launchWithGrantedHosts } from '../support/grant-hosts';
import { GMAIL_THREAD_URL } from '../support/launch';
import { webhookForm } from './sync-support';
import { sidebar } from './fixtures';

// Issue 15 item 5 on the real extension: erasing a person with a webhook connected queues one erase row (shown
// in the options page's next push), the erase page says so, and once sent the receiver holds nothing of them.
test('erasing a synced person queues the CRM deletion, shows it waiting, then done; the receiver gets prospect.erased', async () => {
  const fake = await new WebhookFake().start();
  const ext = await launchWithGrantedHosts(['http://127.0.0.1/*']);
  try {
    const { optionsPage, options } = await webhookForm(ext, fake.url);
    await options.getByLabel('Signing secret').fill('whsec-good');
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(options.getByRole('status', { name: 'Sync status' })).toContainText('Up to date');

    const page = await ext.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const maria = sidebar(page);
    await maria.getByRole('button', { name: 'Add Maria Gomez' }).click();
    await expect(maria.getByRole('listitem', { name: 'Maria Gomez' }).getByRole('status', { name: 'CRM sync' })).toHaveText('Synced to CRM');
    const mariaId = [...fake.people.values()].find((p) => p.name === 'Maria Gomez')!.id;

    // Held back by dry run, the deletion is seen waiting in the next push and on the erase page.
    const dryRun = options.getByLabel('Dry run: show what would be sent, send nothing');
    await dryRun.click();
    await expect(dryRun).toBeChecked();
    const data = await ext.context.newPage();
    await data.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/data`);
    await data.getByRole('textbox', { name: 'Email, LinkedIn URL or name of the person to erase' }).fill('Maria');
    await data.getByRole('button', { name: 'Find' }).click();
    await data.getByRole('button', { name: 'Erase Maria Gomez…' }).click();
    await data.getByRole('alertdialog', { name: 'Erase Maria Gomez?' }).getByRole('button', { name: 'Erase Maria Gomez' }).click();
    await expect(data.getByRole('status').filter({ hasText: 'erased' })).toHaveText(
      `Maria Gomez was erased. They will not be captured again. Deleting their records in the webhook receiver (webhook ${mariaId}) is queued.`,
    );
    const crm = data.getByRole('status', { name: 'CRM deletion' });
    await expect(crm).toHaveText('The deletion in the webhook receiver waits in the outbox; it is sent with the next sync.');
    await optionsPage.reload();
    await expect(options.getByLabel('Next push')).toContainText('Erased people: 1 deletion in the CRM.');
    await expect(options.getByLabel('Next push')).toContainText(`Delete an erased person's records (webhook ${mariaId})`);
    await expect(options.getByLabel('Next push')).not.toContainText('Maria');
    expect(fake.erased).toEqual([]);

    // The receiver refuses the event at first: the deletion keeps waiting with its reason, here and on the options page.
    fake.refuse = { status: 400, body: { error: 'unknown event type prospect.erased' } };
    await options.getByLabel('Dry run: show what would be sent, send nothing').click();
    await expect(crm).toHaveText(
      'The webhook receiver has not deleted their records yet: The webhook refused the batch (HTTP 400: unknown event type prospect.erased). Touchline keeps the deletion waiting (see the CRM section of the options page).',
    );
    await optionsPage.reload();
    await expect(options.getByLabel('Refused changes')).toContainText('1 × The webhook refused the batch (HTTP 400: unknown event type prospect.erased)');
    fake.refuse = undefined;
    await data.getByRole('button', { name: 'Retry the deletion' }).click();
    await expect(crm).toHaveText('Done: their records in the webhook receiver were deleted.');
    expect(fake.erased.map((e) => e.id)).toEqual([mariaId]);
    expect(fake.people.has(mariaId)).toBe(false);
  } finally {
    await ext.close();
    await fake.server.close();
  }
});
