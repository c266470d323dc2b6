import { GMAIL_THREAD_URL, serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

test.describe('Sales process settings (options page)', () => {
  test('invalid settings are refused with a message; a new ICP and framework reach the sidebar', async ({ ext, extensionPage }) => {
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
    const page = await ext.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    await sidebar(page).getByRole('button', { name: 'Add Maria Gomez' }).click();
    const maria = sidebar(page).getByRole('listitem', { name: 'Maria Gomez' });
    await expect(maria.getByLabel('Lead score')).toHaveText('0');

    const options = await extensionPage('/options.html');
    for (const name of ['Fit weight', 'Engagement weight', 'Qualification weight']) await options.getByLabel(name).fill('0');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect(options.getByRole('alert')).toContainText('scoring.weights: At least one score weight must be above 0');

    await options.getByRole('textbox', { name: 'Steps of Standard outreach' }).fill('0 email Intro\n2 fax Fax them');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect(options.getByRole('alert')).toContainText('Cadence "Standard outreach", line 2: "fax" is not one of');
    await options.getByRole('textbox', { name: 'Steps of Standard outreach' }).fill('0 email Intro\n3 call Call them');

    await options.getByLabel('Fit weight').fill('50');
    await options.getByLabel('Engagement weight').fill('0');
    await options.getByLabel('Qualification weight').fill('50');
    await options.getByRole('textbox', { name: 'ICP domains' }).fill('acme-robotics.example');
    await options.getByRole('textbox', { name: 'Loss reasons' }).fill('Price\nWent with a competitor');
    await options.getByRole('combobox', { name: 'Framework' }).selectOption('meddic');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await expect(options.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();

    // Everyone was rescored: Maria's domain is the whole profile now, worth the fit half of the score.
    await expect(maria.getByLabel('Lead score')).toHaveText('50');
    await expect(maria.getByRole('group', { name: 'Qualification (MEDDIC)' })).toBeVisible();
    await expect(maria.getByRole('combobox', { name: 'Champion', exact: true })).toBeVisible();

    await options.reload();
    await expect(options.getByRole('textbox', { name: 'Steps of Standard outreach' })).toHaveValue('0 email Intro\n3 call Call them');
    await expect(options.getByLabel('Fit weight')).toHaveValue('50');
  });
});
