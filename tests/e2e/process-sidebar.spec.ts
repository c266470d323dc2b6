import type { Page } from '@playwright/test';
import { serviceWorkerClock, startServiceWorkerClockAt } from '../support/clock';
import { GMAIL_THREAD_URL, serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

// Evaluated inside the extension (its service worker or popup), where Chromium's `chrome` exists.
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value?: any }> };
};

async function addMaria(page: Page) {
  await page.goto(GMAIL_THREAD_URL);
  await sidebar(page).getByRole('button', { name: 'Add Maria Gomez' }).click();
  const maria = sidebar(page).getByRole('listitem', { name: 'Maria Gomez' });
  await expect(maria.getByLabel('Lead score')).toBeVisible();
  return maria;
}

test.describe('Sales process in the Gmail sidebar', () => {
  test.beforeEach(async ({ ext }) => {
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
  });

  test('qualifying by mouse and keyboard changes the score and its explanation', async ({ ext }) => {
    const page = await ext.context.newPage();
    const maria = await addMaria(page);
    const score = maria.getByLabel('Lead score');
    await expect(score).toHaveText('0');
    await maria.getByRole('button', { name: 'Why this score?' }).click();
    const why = maria.getByRole('list', { name: 'Score explanation' });
    await expect(why).toContainText('Budget: unknown');
    await expect(why).toContainText('No ideal-customer profile set');

    await maria.getByRole('combobox', { name: 'Budget', exact: true }).selectOption('confirmed');
    await expect(score).toHaveText('8'); // 30 of 100 for qualification, a quarter of it for budget: 7.5
    await expect(why.getByRole('listitem').filter({ hasText: 'Budget: confirmed' })).toContainText('7.5 / 7.5');

    // Keyboard only: focus the Need answer, arrow down twice (unknown -> partly -> confirmed), then a note + Enter.
    await maria.getByRole('combobox', { name: 'Need', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(why).toContainText('Need: partly');
    await page.keyboard.press('ArrowDown');
    await expect(why).toContainText('Need: confirmed');
    await expect(score).toHaveText('15');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Line stops twice a week');
    await page.keyboard.press('Enter');

    await maria.getByRole('combobox', { name: 'Authority', exact: true }).selectOption('disqualifying');
    await expect(score).toHaveText('0');
    await expect(why).toContainText('Authority is disqualifying: score set to 0');

    await page.reload();
    const again = sidebar(page).getByRole('listitem', { name: 'Maria Gomez' });
    await expect(again.getByRole('textbox', { name: 'Need detail' })).toHaveValue('Line stops twice a week');
    await expect(again.getByRole('combobox', { name: 'Budget', exact: true })).toHaveValue('confirmed');
    await expect(again.getByLabel('Lead score')).toHaveText('0');
  });

  test('moving past an unmet criterion asks for a reason and records it; lost asks for a loss reason', async ({ ext }) => {
    const page = await ext.context.newPage();
    const maria = await addMaria(page);
    const checklist = maria.getByRole('group', { name: 'Exit criteria: Prospecting' });
    await expect(checklist.getByRole('checkbox', { name: /A way to reach them is known/ })).toBeChecked();
    await expect(checklist.getByRole('checkbox', { name: /A way to reach them is known/ })).toBeDisabled();
    await expect(checklist.getByRole('checkbox', { name: /Fits the ICP/ })).not.toBeChecked();

    await maria.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Qualification' });
    const dialog = maria.getByRole('dialog', { name: 'Move to Qualification' });
    await expect(dialog.getByRole('list', { name: 'Unmet exit criteria' })).toHaveText('Fits the ICP (industry, size, role)');
    await expect(dialog.getByRole('button', { name: 'Move', exact: true })).toBeDisabled();
    await expect(dialog.getByLabel('Reason for moving on')).toBeFocused();
    await page.keyboard.type('Asked for pricing, worth a call');
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(maria.getByRole('combobox', { name: 'Stage' })).toHaveValue('qualification');
    const history = maria.getByRole('list', { name: 'Stage history' });
    await expect(history).toContainText('Prospecting \u2192 Qualification');
    await expect(history).toContainText('Reason: Asked for pricing, worth a call');
    await expect(history).toContainText('Unmet then: Fits the ICP (industry, size, role)');

    // A hand tick meets a criterion; backward moves need no reason.
    await maria.getByRole('checkbox', { name: 'Authority or a path to it known' }).check();
    await maria.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Prospecting' });
    await expect(maria.getByRole('combobox', { name: 'Stage' })).toHaveValue('prospecting');
    await expect(history).toContainText('Qualification \u2192 Prospecting');

    await maria.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Closed lost' });
    const lost = maria.getByRole('dialog', { name: 'Move to Closed lost' });
    await lost.getByLabel('Loss reason').selectOption('Bad timing');
    await lost.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(maria.getByRole('combobox', { name: 'Stage' })).toHaveValue('lost');
    await expect(history).toContainText('Loss reason: Bad timing');

    await page.reload();
    await expect(sidebar(page).getByRole('list', { name: 'Stage history' })).toContainText('Reason: Asked for pricing, worth a call');
  });

  test('a cadence creates tasks in the popup and on the badge; a reply pauses it', async ({ ext, extensionPage }) => {
    const badge = () => ext.serviceWorker.evaluate(() => chrome.action.getBadgeText({}));
    // A fixed day (Wednesday 18 November 2026, 11:00 in Berlin): "due today" and "tomorrow" never straddle midnight.
    await startServiceWorkerClockAt(ext.serviceWorker, '2026-11-18T10:00:00Z');
    const clock = await serviceWorkerClock(ext.serviceWorker);
    expect(clock.zone).toBe('Europe/Berlin');
    expect(new Date(clock.now).toISOString().slice(0, 10)).toBe('2026-11-18');
    const page = await ext.context.newPage();
    const maria = await addMaria(page);
    await expect.poll(badge).toBe('');

    await maria.getByRole('combobox', { name: 'Cadence' }).selectOption({ label: 'Standard outreach' });
    await maria.getByRole('button', { name: 'Start cadence' }).click();
    const followUps = maria.getByRole('list', { name: 'Follow-ups' });
    await expect(followUps.getByRole('listitem')).toHaveCount(4);
    await expect(followUps).toContainText('LinkedIn message (Standard outreach, step 2 of 4)');
    await expect.poll(badge).toBe('1'); // only day 0 is due today

    const popup = await extensionPage('/popup.html');
    const today = popup.getByRole('list', { name: 'Today' });
    const intro = today.getByRole('listitem', { name: /Intro email \(Standard outreach, step 1 of 4\), Maria Gomez/ });
    await expect(intro).toBeVisible();
    await expect(intro.getByRole('link', { name: 'Maria Gomez' })).toHaveAttribute('href', GMAIL_THREAD_URL);

    // One key: "d" on the focused row marks it done.
    await intro.focus();
    await popup.keyboard.press('d');
    await expect(intro).toHaveCount(0);
    await expect.poll(badge).toBe('');

    // A next step due today shows up; "s" snoozes it to tomorrow.
    const todayDate = '2026-11-18';
    await maria.getByRole('textbox', { name: 'Next step' }).fill('Send the pricing sheet');
    await maria.getByLabel('Follow-up date').fill(todayDate);
    await maria.getByRole('button', { name: 'Save next step' }).click();
    await expect.poll(badge).toBe('1');
    const next = popup.getByRole('listitem', { name: /Send the pricing sheet, Maria Gomez/ });
    await expect(next).toBeVisible();
    await next.focus();
    await popup.keyboard.press('s');
    await expect(next).toHaveCount(0);
    await expect.poll(badge).toBe('');

    // Maria replies (logged through the same request the Gmail integration uses): the cadence pauses.
    const prospectId = await popup.evaluate(async () => {
      const r = await chrome.runtime.sendMessage({ type: 'people.lookup', payload: { people: [{ emails: ['maria.gomez@acme-robotics.example'] }] } });
      return r.value[0].id as string;
    });
    const logged = await popup.evaluate(
      ({ id, at, url }) => chrome.runtime.sendMessage({ type: 'touch.log', payload: { prospectId: id, channel: 'email', direction: 'inbound', at, sourceId: 'reply-1', url } }),
      { id: prospectId, at: (await serviceWorkerClock(ext.serviceWorker)).now, url: GMAIL_THREAD_URL },
    );
    expect(logged.ok).toBe(true);
    await expect(maria.getByRole('status').filter({ hasText: 'Standard outreach paused: Maria Gomez replied (email)' })).toBeVisible();
    await expect(followUps).not.toContainText('Standard outreach');
    await expect(maria.getByRole('button', { name: 'Resume Standard outreach' })).toBeVisible();
  });
});
