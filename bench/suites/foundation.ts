import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GMAIL_THREAD_URL, SHIPPED_EXTENSION_DIR as EXTENSION_DIR, launchWithExtension, serveSite } from '../../tests/support/launch';
import { kb, median, ms, type BenchRow } from '../table';

const RUNS = 7;

/** Size of each content script as shipped, raw and gzipped (what every Gmail/LinkedIn page loads). */
function contentScriptSizes(): BenchRow[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return { suite: 'foundation', metric: `size ${f}`, value: `${kb(bytes.length)} / ${kb(gzipSync(bytes).length)} gz` };
    });
}

/** Navigation start to the sidebar listing the thread's people, in real Chromium with the built extension. */
async function navigationToSidebar(): Promise<BenchRow> {
  const ext = await launchWithExtension();
  try {
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await ext.context.newPage();
      await page.goto(GMAIL_THREAD_URL, { waitUntil: 'commit' });
      await page.getByRole('complementary', { name: 'Touchline' }).getByRole('listitem', { name: 'Li Wei' }).waitFor();
      times.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
    return { suite: 'foundation', metric: `navigation -> sidebar with people (Gmail thread, median of ${RUNS})`, value: ms(median(times)) };
  } finally {
    await ext.close();
  }
}

export async function foundation(): Promise<BenchRow[]> {
  return [...contentScriptSizes(), await navigationToSidebar()];
}
