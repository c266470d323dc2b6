import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { GMAIL_THREAD_URL, serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

const FIXTURE = 'gmail/thread-2025-03.html';

/** Every text, name, email and link of the original page (words of 4+ characters, whole values). */
function originals(page: string): string[] {
  const doc = new Window().document;
  doc.write(page);
  const out = new Set<string>();
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = (n.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (t.length >= 4) out.add(t);
    for (const w of t.split(/[^\p{L}\p{Nd}]+/u)) if (w.length >= 5) out.add(w);
  }
  for (const el of doc.querySelectorAll('[email], [name], [href], [title], [aria-label], [data-hovercard-id], [alt]')) {
    for (const a of ['email', 'name', 'href', 'title', 'aria-label', 'data-hovercard-id', 'alt']) {
      const v = el.getAttribute(a);
      if (v && v.length >= 4 && v !== '#') out.add(v);
    }
  }
  // Top-level domains stay (as in tests/fixtures/real): they name no one.
  const tlds = new Set([...page.matchAll(/@[\w.-]+\.(\w+)/g)].map((m) => m[1]));
  return [...out].filter((s) => !tlds.has(s));
}

test('a page report keeps no text, email, name or URL of the page, is shown before saving and saved locally', async ({ ext }) => {
  await serveSite(ext.context, 'https://mail.google.com', { '/mail/': FIXTURE });
  const page = await ext.context.newPage();
  await page.goto(GMAIL_THREAD_URL);
  const panel = sidebar(page);
  await expect(panel.getByRole('heading', { name: 'Pricing for 40 seats' })).toBeVisible();

  await panel.getByRole('button', { name: 'Report a page Touchline misreads' }).click();
  const preview = panel.getByRole('region', { name: 'Page report' }).getByLabel('Report preview');
  await expect(preview).toContainText('data-message-id');
  await expect(preview).not.toContainText('Maria');

  const sent: string[] = [];
  page.on('request', (r) => r.method() !== 'GET' && sent.push(r.url()));
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Save report' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^touchline-report-gmail-thread-\d{4}-\d{2}-\d{2}\.html$/);
  const report = readFileSync((await download.path())!, 'utf8');
  await expect(panel.getByRole('status').filter({ hasText: 'Nothing was sent' })).toBeVisible();
  expect(sent).toEqual([]);

  // Structure survives: Gmail's own hooks, as many messages as the page had.
  expect(report.match(/data-message-id=/g)).toHaveLength(2);
  expect(report).toContain('class="gD"');
  // None of the content does: no sidebar text either (Touchline's own UI is left out).
  // (The report's own <meta> names the site and page kind; it is checked apart.)
  const meta = report.match(/<meta name="touchline-report"[^>]*>/)![0];
  const body = report.replace(meta, '');
  const page0 = readFileSync(`tests/fixtures/${FIXTURE}`, 'utf8');
  for (const s of originals(page0)) expect(body, s).not.toContain(s);
  for (const s of ['Maria Gomez', 'maria.gomez@acme-robotics.example', 'acme-robotics', 'Li Wei', 'Sam Rivera', 'Pricing for 40 seats', 'Touchline']) {
    expect(body, s).not.toContain(s);
  }
  expect(meta).not.toMatch(/maria|acme|FMfcgzQZTlBcdemoThread1/i);
});
