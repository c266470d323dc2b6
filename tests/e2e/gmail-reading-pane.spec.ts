import { readFileSync } from 'node:fs';
import { serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

const expected = JSON.parse(readFileSync('tests/fixtures/gmail/expected-2025-04.json', 'utf8'))['gmail/reading-pane-2025-04.html'];

test('with the reading pane on, adding the thread’s person puts a stage chip on the thread’s own row', async ({ ext }) => {
  await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/reading-pane-2025-04.html' });
  const page = await ext.context.newPage();
  await page.goto(expected.url);
  const panel = sidebar(page);
  await expect(panel.getByRole('heading', { name: 'Pricing for 40 seats' })).toBeVisible();
  const row = page.locator('tr[role="row"]').filter({ has: page.locator(`[data-legacy-thread-id="${expected.threadLegacyId}"]`) });
  await expect(row.locator('[data-touchline-chip]')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Add Maria Gomez' }).click();
  await expect(row.locator('[data-touchline-chip]')).toHaveText('Prospecting');
  // Only the thread's person is known: no other row gets a chip.
  await expect(page.locator('[data-touchline-chip]')).toHaveCount(1);
});
