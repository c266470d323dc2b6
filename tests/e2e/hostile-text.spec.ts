import { GMAIL_THREAD_URL, serveSite } from '../support/launch';
import { serviceWorkerClock, startServiceWorkerClockAt } from '../support/clock';
import { requestFromContentScript } from './content-world';
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

test('a link that is not a page of the site is refused when stored, and the popup links only to the thread', async ({ ext, extensionPage }) => {
  // Issue 12 §5: what a content script stores as a link later reaches the popup's href and a reminder's tabs.create.
  await startServiceWorkerClockAt(ext.serviceWorker, '2026-11-18T10:00:00Z');
  await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
  const page = await ext.context.newPage();
  await page.goto(GMAIL_THREAD_URL);
  await sidebar(page).getByRole('button', { name: 'Add Maria Gomez' }).click();
  await expect(sidebar(page).getByRole('listitem', { name: 'Maria Gomez' }).getByLabel('Lead score')).toBeVisible();
  const people = await requestFromContentScript(ext, page, 'page.people', { people: [{ emails: ['maria.gomez@acme-robotics.example'] }] });
  const id = (people.value as Array<{ prospect: { id: string } }>)[0]!.prospect.id;
  const { now } = await serviceWorkerClock(ext.serviceWorker);

  for (const url of ['javascript:alert(document.domain)', 'https://mail.google.com.evil.example/mail/u/0/', 'data:text/html,<script>alert(1)</script>', 'http://mail.google.com/mail/u/0/']) {
    const note = await requestFromContentScript(ext, page, 'touch.log', { prospectId: id, channel: 'note', direction: 'internal', at: now, summary: 'x', url });
    expect(note, url).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(note.error!.message, url).toContain('must be an https:// link on mail.google.com or www.linkedin.com');
    const step = await requestFromContentScript(ext, page, 'nextStep.set', { prospectId: id, text: 'Call Maria', due: now, url });
    expect(step, url).toMatchObject({ ok: false, error: { code: 'invalid' } });
  }
  // An email's link is its Gmail thread, not some other site's page.
  const elsewhere = await requestFromContentScript(ext, page, 'touch.log', { prospectId: id, channel: 'email', direction: 'inbound', at: now, url: 'https://www.linkedin.com/in/maria-gomez' });
  expect(elsewhere).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('An email links to its Gmail thread') } });

  const after = await requestFromContentScript(ext, page, 'page.people', { people: [{ emails: ['maria.gomez@acme-robotics.example'] }] });
  expect((after.value as Array<{ touches: unknown[]; process: { tasks: unknown[] } }>)[0]).toMatchObject({ touches: [], process: { tasks: [] } });

  // The follow-up set from the thread links back to it, and to nothing else.
  expect(await requestFromContentScript(ext, page, 'nextStep.set', { prospectId: id, text: 'Call Maria', due: now, url: GMAIL_THREAD_URL })).toMatchObject({ ok: true });
  const popup = await extensionPage('/popup.html');
  const row = popup.getByRole('listitem', { name: /Call Maria, Maria Gomez/ });
  await expect(row.getByRole('link', { name: 'Maria Gomez' })).toHaveAttribute('href', GMAIL_THREAD_URL);
  await expect(popup.locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
});
