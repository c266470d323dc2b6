import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from '@playwright/test';
import { chromiumPath } from './chromium';
import { TEST_TIME_ZONE } from './clock';

/**
 * The test build (`npm run build:test`): the shipped code with the sidebar's shadow root open, so locators
 * reach it by role and label. SHIPPED_EXTENSION_DIR is what users install (closed root).
 */
export const EXTENSION_DIR = resolve('.output/chrome-mv3-test');
export const SHIPPED_EXTENSION_DIR = resolve('.output/chrome-mv3');
export const FIXTURES_DIR = resolve('tests/fixtures');

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** Chromium with the built extension loaded, in a fresh profile (so a fresh IndexedDB) unless one is given. */
export async function launchWithExtension(opts: { userDataDir?: string; headless?: boolean; shipped?: boolean } = {}): Promise<Launched> {
  const ext = opts.shipped ? SHIPPED_EXTENSION_DIR : EXTENSION_DIR;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'touchline-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, TZ: TEST_TIME_ZONE },
    timezoneId: TEST_TIME_ZONE,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
  // Nothing may leave this machine: anything not served by a test route is refused.
  // 127.0.0.1 is allowed for the local fake CRM servers (tests/sync/fakes).
  await context.route(/^https?:\/\/(?!mail\.google\.com|www\.linkedin\.com|127\.0\.0\.1[:/])/, (route) => route.abort());
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Serves a fixture file at every URL matching `pattern` (the real Gmail or LinkedIn address). */
export async function serveFixture(context: BrowserContext, pattern: string | RegExp, fixture: string): Promise<void> {
  const body = readFileSync(join(FIXTURES_DIR, fixture), 'utf8');
  await context.route(pattern, (route) => route.fulfill({ body, contentType: 'text/html; charset=utf-8' }));
}

/** Serves fixture HTML for documents only; other requests to the host (XHR, images) get an empty 204. */
export async function serveSite(context: BrowserContext, origin: string, pages: Record<string, string>): Promise<void> {
  await context.route(`${origin}/**`, (route) => {
    const url = new URL(route.request().url());
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 204, body: '' });
    const fixture = Object.entries(pages).find(([path]) => url.pathname.startsWith(path))?.[1];
    if (!fixture) return route.fulfill({ status: 404, body: 'no fixture for ' + url.pathname });
    return route.fulfill({ body: readFileSync(join(FIXTURES_DIR, fixture), 'utf8'), contentType: 'text/html; charset=utf-8' });
  });
}

export const GMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoThread1';
