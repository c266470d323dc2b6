import { readFileSync } from 'node:fs';
import { expect, sidebar, test } from './fixtures';

const PROFILE = readFileSync('tests/fixtures/linkedin/profile-grouped-2025-06.html', 'utf8');

/** The same profile after a LinkedIn release that renamed the Experience card's entity hook. */
function changedProfile(): string {
  const start = PROFILE.indexOf('id="experience"');
  const end = PROFILE.indexOf('id="education"');
  const experience = PROFILE.slice(start, end).replaceAll('data-view-name="profile-component-entity"', 'data-view-name="profile-entity-v2"');
  return PROFILE.slice(0, start) + experience + PROFILE.slice(end);
}

test('when a part of a page goes missing, the sidebar says so once and Site health counts it', async ({ ext, extensionPage }) => {
  await ext.context.route('https://www.linkedin.com/**', (route) => {
    const url = new URL(route.request().url());
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
    const body = url.pathname.startsWith('/in/priya-raman-changed') ? changedProfile() : PROFILE;
    return route.fulfill({ body, contentType: 'text/html; charset=utf-8' });
  });
  const page = await ext.context.newPage();
  await page.goto('https://www.linkedin.com/in/priya-raman-demo/');
  const panel = sidebar(page);
  await expect(panel.getByRole('listitem', { name: 'Priya Raman' })).toContainText('VP Revenue Operations · Initrode Systems');
  await expect(panel.getByText(/Touchline could not read/)).toHaveCount(0);

  const options = await extensionPage('/options.html');
  const role = options.getByRole('row', { name: 'linkedin profile currentRole' });
  // The options page reads the counts when it opens: reopen until the sidebar's report has arrived.
  const once = async (check: () => Promise<void>) =>
    expect(async () => {
      await options.reload();
      await check();
    }).toPass();
  await once(() => expect(role.getByRole('cell').nth(3)).toHaveText('1', { timeout: 1000 }));
  await expect(role.getByRole('cell').nth(5)).toHaveText('0');

  await page.goto('https://www.linkedin.com/in/priya-raman-changed/');
  await expect(panel.getByRole('status').filter({ hasText: "Touchline could not read this person's current role on this page" })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Priya Raman' })).not.toContainText('VP Revenue Operations');

  await once(() => expect(role.getByRole('cell').nth(5)).toHaveText('1', { timeout: 1000 }));
  await expect(role.getByRole('cell').nth(6)).toContainText('Not working');
  // Parts still read on the changed page stay healthy.
  await expect(options.getByRole('row', { name: 'linkedin profile headline' }).getByRole('cell').nth(3)).toHaveText('2');

  // Signalled once: the same broken page again says nothing new.
  await page.reload();
  await expect(panel.getByRole('listitem', { name: 'Priya Raman' })).toBeVisible();
  await once(() => expect(role.getByRole('cell').nth(5)).toHaveText('2', { timeout: 1000 }));
  await expect(panel.getByText(/Touchline could not read/)).toHaveCount(0);
});
