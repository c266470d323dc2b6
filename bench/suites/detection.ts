import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumPath } from '../../tests/support/chromium';
import { median, ms, type BenchRow } from '../table';

const RUNS = 40;

/**
 * Detection time per page kind on the largest fixture of each kind (issue 11): both site adapters bundled
 * as the content scripts have them, run in Chromium on the page at its real URL, once per simulated update
 * (a node appears in the page's content root). Real pages come from tests/fixtures/real (sanitized saves).
 */
const PAGES: Array<{ site: 'gmail' | 'linkedin'; kind: string; url: string; fixture: string; root: string }> = [
  { site: 'linkedin', kind: 'profile (real 2025-04, 1.9 MB)', url: 'https://www.linkedin.com/in/qlvujpvwit/', fixture: 'real/linkedin-profile-2025-04-b.html', root: 'main' },
  { site: 'linkedin', kind: 'company (real 2025-04, 1.5 MB)', url: 'https://www.linkedin.com/company/uwfrwpdxq/', fixture: 'real/linkedin-company-2025-04.html', root: 'main' },
  { site: 'linkedin', kind: 'connections (real 2025-04)', url: 'https://www.linkedin.com/mynetwork/invite-connect/connections/', fixture: 'real/linkedin-connections-2025-04.html', root: 'main' },
  { site: 'linkedin', kind: 'search, 100 results (2026-11)', url: 'https://www.linkedin.com/search/results/people/?keywords=revenue%20operations', fixture: 'linkedin/search-people-100-2026-11.html', root: 'main' },
  { site: 'linkedin', kind: 'company People tab (2025-06)', url: 'https://www.linkedin.com/company/umbrella-freight-demo/people/', fixture: 'linkedin/company-people-2025-06.html', root: 'main' },
  { site: 'gmail', kind: 'inbox, 50 rows (real 2025-04, 3.3 MB)', url: 'https://mail.google.com/mail/u/1/#inbox', fixture: 'real/gmail-inbox-2025-04.html.gz', root: '[role="main"]' },
  { site: 'gmail', kind: 'large thread (2026-11)', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoLarge', fixture: 'gmail/thread-large-2026-11.html', root: '[role="main"]' },
  { site: 'gmail', kind: 'reading pane (2025-04)', url: 'https://mail.google.com/mail/u/0/#inbox/1958cb3eaa22c380', fixture: 'gmail/reading-pane-2025-04.html', root: '[role="main"]' },
];

const html = (fixture: string) => {
  const raw = readFileSync(resolve('tests/fixtures', fixture));
  return fixture.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
};

export async function detection(): Promise<BenchRow[]> {
  const bundle = await build({
    stdin: {
      contents:
        "import { extractGmail } from './lib/sites/gmail/extract'; import { extractLinkedIn } from './lib/sites/linkedin/extract';" +
        ' (globalThis as any).__touchline = { gmail: extractGmail, linkedin: extractLinkedIn };',
      resolveDir: resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    alias: { '@': resolve('.') },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const rows: BenchRow[] = [];
  try {
    for (const p of PAGES) {
      const page = await browser.newPage();
      // Only the top-level navigation gets the fixture: real saves keep their iframes (ad banners, LinkedIn's
      // merchantpool frame), and serving the page to each of those nests the page in itself without end.
      const body = html(p.fixture);
      await page.route('**/*', (r) =>
        r.request().isNavigationRequest() && r.request().frame() === page.mainFrame()
          ? r.fulfill({ body, contentType: 'text/html; charset=utf-8' })
          : r.fulfill({ status: 204, body: '' }),
      );
      await page.goto(p.url);
      // Evaluated, not added as a <script>: real saves keep their CSP (trusted types), which a content
      // script's isolated world is not subject to either.
      await page.evaluate(bundle.outputFiles[0]!.text);
      // tsx compiles this file with esbuild's keepNames, so the function sent below calls __name().
      await page.evaluate('globalThis.__name = (f) => f');
      const result = await page.evaluate(
        ({ site, root, runs }) => {
          const api = (globalThis as unknown as { __touchline: Record<string, (d: Document, u: string, o?: object) => { people: unknown[] }> }).__touchline;
          const run = () => (site === 'gmail' ? api.gmail!(document, location.href, { internalDomains: [], neverCapture: [] }) : api.linkedin!(document, location.href));
          const people = run().people.length; // the first run (page appears) warms caches and the JIT
          const host = document.querySelector(root) ?? document.body;
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            const marker = document.createElement('div');
            host.append(marker);
            const t0 = performance.now();
            run();
            times.push(performance.now() - t0);
            marker.remove();
          }
          return { times, people, elements: document.getElementsByTagName('*').length };
        },
        { site: p.site, root: p.root, runs: RUNS },
      );
      if (result.people === 0 && !p.kind.startsWith('company (')) throw new Error(`${p.kind}: no people found`);
      rows.push({
        suite: 'detection',
        metric: `${p.site} ${p.kind}: detection per update (${result.elements} elements, ${result.people} people; median / worst of ${RUNS})`,
        value: `${ms(median(result.times))} / ${ms(Math.max(...result.times))}`,
        goal: '< 5 ms',
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
