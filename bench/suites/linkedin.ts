import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension } from '../../tests/support/launch';
import { LI, pushStateTo, serveLinkedIn } from '../../tests/e2e/linkedin-support';
import { median, ms, type BenchRow } from '../table';

const RUNS = 10;
const DETECT_RUNS = 50;
// tsx compiles with esbuild's keepNames, so functions passed to page.evaluate call a `__name` helper that
// only exists in Node: give the page a no-op one.
const KEEP_NAMES_SHIM = 'window.__name = (f) => f;';

/**
 * Time from LinkedIn's own route change (pushState + the new route's content in the DOM) to Touchline's
 * sidebar listing the new page's people, measured in the page with a MutationObserver on the sidebar's
 * shadow root.
 */
async function sidebarAfterPushState(page: Page): Promise<number> {
  await page.goto(`${LI}/in/alex-chen-demo/`);
  await page.getByRole('complementary', { name: 'Touchline' }).getByRole('button', { name: 'Add Alex Chen' }).waitFor();
  const armed = page.evaluate(
    () =>
      new Promise<number>((done) => {
        const root = document.querySelector('touchline-sidebar')!.shadowRoot!;
        const ready = () => root.querySelectorAll('section[aria-label="Bulk capture"] li').length === 3;
        const start = () => (window as unknown as { __contentAt: number }).__contentAt;
        new MutationObserver((_, obs) => {
          if (ready() && start()) {
            obs.disconnect();
            done(performance.now() - start());
          }
        }).observe(root, { childList: true, subtree: true });
      }),
  );
  await pushStateTo(page, '/search/results/people/?keywords=revenue%20operations', 'linkedin/search-people-2025-03.html');
  return armed;
}

async function navigation(): Promise<BenchRow[]> {
  const ext = await launchWithExtension();
  try {
    await serveLinkedIn(ext);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await ext.context.newPage();
      await page.addInitScript(KEEP_NAMES_SHIM);
      // Stamp the moment the new content is in the DOM, inside the same task as the swap.
      await page.addInitScript(() => {
        const replace = Element.prototype.replaceChildren;
        Element.prototype.replaceChildren = function (...nodes) {
          replace.apply(this, nodes);
          (window as unknown as { __contentAt: number }).__contentAt = performance.now();
        };
      });
      times.push(await sidebarAfterPushState(page));
      await page.close();
    }
    return [
      { suite: 'linkedin', metric: `pushState profile -> search: content in DOM -> sidebar updated (median of ${RUNS})`, value: ms(median(times)), goal: '<= 30 ms' },
      { suite: 'linkedin', metric: `pushState profile -> search: content in DOM -> sidebar updated (worst of ${RUNS})`, value: ms(Math.max(...times)), goal: '<= 30 ms' },
    ];
  } finally {
    await ext.close();
  }
}

/** extractLinkedIn on the generated 100-result search page, in Chromium (the bundle a content script runs). */
async function detectionCost(): Promise<BenchRow> {
  const bundle = await build({
    entryPoints: [resolve('lib/sites/linkedin/extract.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'touchlineLinkedIn',
    alias: { '@': resolve('.') },
  });
  const ext = await launchWithExtension();
  try {
    await serveLinkedIn(ext);
    await ext.context.route(`${LI}/search/results/people/**`, (r) =>
      r.fulfill({ path: resolve('tests/fixtures/linkedin/search-people-100-2026-11.html'), contentType: 'text/html; charset=utf-8' }),
    );
    const page = await ext.context.newPage();
    await page.addInitScript(KEEP_NAMES_SHIM);
    await page.goto(`${LI}/search/results/people/?keywords=revenue%20operations`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const times = await page.evaluate((runs) => {
      const api = (window as unknown as { touchlineLinkedIn: { extractLinkedIn(d: Document, u: string): { people: unknown[] } } }).touchlineLinkedIn;
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const found = api.extractLinkedIn(document, location.href);
        out.push(performance.now() - t0);
        if (found.people.length !== 90) throw new Error(`expected 90 people, found ${found.people.length}`);
      }
      return out;
    }, DETECT_RUNS);
    return { suite: 'linkedin', metric: `detection on a 100-result search page (median of ${DETECT_RUNS})`, value: ms(median(times)), goal: '< 5 ms' };
  } finally {
    await ext.close();
  }
}

export async function linkedin(): Promise<BenchRow[]> {
  return [...(await navigation()), await detectionCost()];
}
