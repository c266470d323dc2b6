import { serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';
import { allTouches, goHash, saveSettings, SWITCH_BASE, THREAD_A, THREAD_B_HASH } from './gmail-support';

test.describe('email logging options', () => {
  test.beforeEach(async ({ ext }) => {
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/conversation-switch-2026-11.html' });
  });

  test('auto-logs every message of a thread with a known prospect, once, keeping only the configured body text', async ({ ext }) => {
    await saveSettings(ext, { autoLogThreads: true, emailBodyChars: 20 });
    const page = await ext.context.newPage();
    await page.goto(THREAD_A);
    const panel = sidebar(page);
    await expect(panel.getByRole('listitem', { name: 'Maria Gomez', exact: true })).toBeVisible();
    expect(await allTouches(ext)).toHaveLength(0);

    await panel.getByRole('button', { name: 'Add Maria Gomez' }).click();
    await expect.poll(async () => (await allTouches(ext)).length).toBe(2);
    const touches = await allTouches(ext);
    expect(touches.map((t) => t.direction).sort()).toEqual(['inbound', 'outbound']);
    expect(touches.find((t) => t.direction === 'inbound')!.summary).toBe('Hi Sam,\nWe need pric');
    await expect(panel.getByText('Logged', { exact: true })).toHaveCount(2);

    await goHash(page, THREAD_B_HASH);
    await expect(panel.getByRole('heading', { name: 'Re: Renewal timeline' })).toBeVisible();
    await page.goBack();
    await expect(panel.getByRole('heading', { name: 'Pricing for 40 seats' })).toBeVisible();
    // Back on the thread, both messages read as logged and the store still holds each once.
    await expect(panel.getByText('Logged', { exact: true })).toHaveCount(2);
    expect(await allTouches(ext)).toHaveLength(2);
  });

  test('logs outbound mail to a known prospect when it is sent, with the draft id so it is not logged twice', async ({ ext }) => {
    await saveSettings(ext, { logOnSend: true });
    const page = await ext.context.newPage();
    await page.goto(`${SWITCH_BASE}#inbox?compose=new`);
    const panel = sidebar(page);
    await panel.getByRole('button', { name: 'Add Priya Natarajan' }).click();
    await expect(panel.getByRole('listitem', { name: 'Priya Natarajan', exact: true }).getByRole('combobox', { name: 'Stage' })).toBeVisible();
    expect(await allTouches(ext)).toHaveLength(0);

    await page.locator('.dw [role="dialog"] .aoO[role="button"]').click();
    await expect.poll(async () => (await allTouches(ext)).length).toBe(1);
    const [touch] = await allTouches(ext);
    expect(touch).toMatchObject({ channel: 'email', direction: 'outbound', subject: 'Following up' });
    expect(touch!.sourceId).toMatch(/^#msg-a:r-1826000000000000777\|/);
    await expect(panel.getByRole('listitem', { name: 'Priya Natarajan', exact: true }).getByRole('list', { name: 'Recent touches' })).toContainText('Email');

    // Without the option, sending logs nothing. The page is reloaded so the sidebar starts on the new settings,
    // and the draft gets an id of its own: resending the same draft would be dropped by the store as a repeat
    // whether or not the option is honoured.
    await saveSettings(ext, { logOnSend: false });
    await page.reload();
    const priya = panel.getByRole('listitem', { name: 'Priya Natarajan', exact: true });
    await expect(priya.getByRole('combobox', { name: 'Stage' })).toBeVisible();
    await page.locator('.dw [role="dialog"] input[name="draft"]').evaluate((el) => ((el as HTMLInputElement).value = '#msg-a:r-1826000000000000999'));
    await page.locator('.dw [role="dialog"] .aoO[role="button"]').click();
    // A note logged after the send is the marker: the send was handled (and would have been logged) before it.
    await priya.getByLabel('Note').fill('Sent the follow-up by hand');
    await priya.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(async () => (await allTouches(ext)).length).toBe(2);
    const after = await allTouches(ext);
    expect(after.map((t) => t.channel).sort()).toEqual(['email', 'note']);
    expect(after.some((t) => t.sourceId?.includes('r-1826000000000000999'))).toBe(false);
  });
});

test('the options page saves the email logging choices', async ({ ext, extensionPage }) => {
  const options = await extensionPage('/options.html');
  await options.getByRole('spinbutton', { name: 'Body characters kept per logged email (0 keeps none)' }).fill('120');
  await options.getByRole('checkbox', { name: 'Log every message of threads with known prospects automatically' }).check();
  await options.getByRole('button', { name: 'Save email logging' }).click();
  await expect(options.getByRole('status')).toHaveText('Saved.');
  await options.reload();
  await expect(options.getByRole('spinbutton', { name: 'Body characters kept per logged email (0 keeps none)' })).toHaveValue('120');
  await expect(options.getByRole('checkbox', { name: 'Log every message of threads with known prospects automatically' })).toBeChecked();
  await expect(options.getByRole('checkbox', { name: 'Log mail to known prospects when it is sent' })).not.toBeChecked();
  void ext;
});
