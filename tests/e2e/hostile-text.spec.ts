import { GMAIL_THREAD_URL, serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

const EVIL = '<img src=x onerror=alert(1)>';

test('names and subjects full of markup show as text and never run', async ({ ext, extensionPage }) => {
  await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-hostile-names-2026-11.html' });
  const page = await ext.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(GMAIL_THREAD_URL);
  const panel = sidebar(page);
  const card = panel.getByRole('listitem', { name: `${EVIL}Maria` });
  await expect(card).toBeVisible();
  await expect(card).toContainText(`${EVIL}Maria`);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(`${EVIL} Pricing for 40 seats`);
  await expect(panel.locator('img')).toHaveCount(0);

  await panel.getByRole('button', { name: `Add ${EVIL}Maria` }).click();
  await expect(card.getByRole('combobox', { name: 'Stage' })).toBeVisible();
  const dashboard = await extensionPage('/dashboard.html#/list');
  await expect(dashboard.getByRole('table', { name: 'Prospects' })).toContainText(`${EVIL}Maria`);
  await expect(dashboard.locator('table img')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
