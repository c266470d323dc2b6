import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, GMAIL_THREAD_URL } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

/** Serves the thread fixture with a page-level stylesheet, as a Gmail theme would apply one. */
async function serveThemed(ext: { context: import('@playwright/test').BrowserContext }, css: string) {
  const html = readFileSync(join(FIXTURES_DIR, 'gmail/thread-2025-03.html'), 'utf8').replace('</head>', `<style>${css}</style></head>`);
  await ext.context.route('https://mail.google.com/**', (r) =>
    r.request().resourceType() === 'document' ? r.fulfill({ body: html, contentType: 'text/html' }) : r.fulfill({ status: 204 }),
  );
}

test('follows a dark Gmail theme', async ({ ext }) => {
  await serveThemed(ext, 'body, .gb_Ja, .wT { background: #1f1f1f !important; color: #e3e3e3; }');
  const page = await ext.context.newPage();
  await page.goto(GMAIL_THREAD_URL);
  await expect(sidebar(page)).toBeVisible();
  await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', 'dark');
  const bg = await sidebar(page).evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r = 255] = bg.match(/\d+/g)!.map(Number);
  expect(r).toBeLessThan(80);
});

test('stays light on the default light theme', async ({ ext }) => {
  await serveThemed(ext, '');
  const page = await ext.context.newPage();
  await page.goto(GMAIL_THREAD_URL);
  await expect(sidebar(page)).toBeVisible();
  await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', 'light');
});
