import { serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';
import { goHash, SWITCH_BASE } from './gmail-support';

test('the inbox shows a known prospect\u2019s stage beside their name without moving Gmail\u2019s layout', async ({ ext }) => {
  await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/conversation-switch-2026-11.html' });
  const page = await ext.context.newPage();
  await page.goto(`${SWITCH_BASE}#inbox`);
  const panel = sidebar(page);
  const mariaRow = page.locator('tr[role="row"]').filter({ has: page.locator('[email="maria.gomez@acme-robotics.example"]') });
  const tomRow = page.locator('tr[role="row"]').filter({ has: page.locator('[email="tom.becker@initech.example"]') });
  await expect(panel.getByRole('button', { name: 'Add Maria Gomez' })).toBeVisible();
  const before = {
    row: await mariaRow.boundingBox(),
    subject: await mariaRow.locator('.xY.a4W').boundingBox(),
    table: await page.locator('table.F').boundingBox(),
  };
  await expect(page.locator('[data-touchline-chip]')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Add Maria Gomez' }).click();
  const chip = mariaRow.locator('[data-touchline-chip]');
  await expect(chip).toHaveText('Prospecting');
  await expect(tomRow.locator('[data-touchline-chip]')).toHaveCount(0);
  expect(await mariaRow.boundingBox()).toEqual(before.row);
  expect(await mariaRow.locator('.xY.a4W').boundingBox()).toEqual(before.subject);
  expect(await page.locator('table.F').boundingBox()).toEqual(before.table);

  await panel.getByRole('listitem', { name: 'Maria Gomez', exact: true }).getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Approach' });
  // Skipping stages with unmet exit criteria asks for a reason (sales-process rules, issue 5).
  await panel.getByRole('dialog', { name: 'Move to Approach' }).getByLabel('Reason for moving on').fill('Asked for a call');
  await panel.getByRole('dialog', { name: 'Move to Approach' }).getByRole('button', { name: 'Move', exact: true }).click();
  await expect(chip).toHaveText('Approach');
  await expect(page.locator('[data-touchline-chip]')).toHaveCount(1);

  // Away to a thread and back: Gmail rebuilds the list, the chip comes back once.
  await goHash(page, '#inbox/FMfcgzQZTlBcdemoThread2');
  await expect(panel.getByRole('heading', { name: 'Re: Renewal timeline' })).toBeVisible();
  await goHash(page, '#inbox');
  await expect(mariaRow.locator('[data-touchline-chip]')).toHaveText('Approach');
  await expect(page.locator('[data-touchline-chip]')).toHaveCount(1);
});
