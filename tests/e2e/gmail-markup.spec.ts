import { serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

test('names and subjects with markup stay text; names in other scripts show as written', async ({ ext }) => {
  await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-many-2026-11.html' });
  const page = await ext.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoMany');
  const panel = sidebar(page);
  await expect(panel.getByRole('heading', { name: 'Pilot rollout <img src=x onerror=alert(1)> across 5 sites', exact: true })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: '<img src=x onerror=alert(1)>', exact: true })).toBeVisible();
  for (const name of ['王芳', 'Ελένη Παπαδοπούλου', 'محمد الأحمد', 'Арсений Петров']) {
    await expect(panel.getByRole('listitem', { name, exact: true })).toBeVisible();
  }
  await panel.getByRole('button', { name: 'Add <img src=x onerror=alert(1)>' }).click();
  await expect(panel.getByRole('listitem', { name: '<img src=x onerror=alert(1)>', exact: true }).getByRole('combobox', { name: 'Stage' })).toBeVisible();
  expect(await panel.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
  // Colleagues, internal robots and the user are not offered.
  for (const email of ['dana.ko@ourco.example', 'notifications@acme-robotics.example', 'calendar-notification@google.com', 'mailer-daemon@googlemail.com']) {
    await expect(panel.getByRole('list', { name: 'People on this page' }).getByText(email)).toHaveCount(0);
  }
  await expect(panel.getByRole('region', { name: 'Messages in this thread' })).toContainText('3 more messages are folded in Gmail');
});
