import { expect, test } from './fixtures';
import { request } from './linkedin-support';

interface Frame {
  /** React's root still out of sight: what shows is the early paint's screen. */
  early: boolean;
  /** Top of the heading and of the first timeline rows that show, in CSS pixels. */
  tops: number[];
}

/** Installed before the page's scripts: each frame, what shows of the record and where. */
function watchFrames(): void {
  const w = window as unknown as { __frames: Frame[] };
  w.__frames = [];
  const frame = () => {
    const root = document.getElementById('root');
    const early = !!root && root.style.visibility === 'hidden';
    const scope = early ? root.previousElementSibling : root;
    const heading = scope?.querySelector('article h2');
    const rows = [...(scope?.querySelectorAll('ul[aria-label="Timeline"] > li') ?? [])].slice(0, 5);
    if (heading && rows.length) w.__frames.push({ early, tops: [heading, ...rows].map((e) => Math.round(e.getBoundingClientRect().top)) });
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

test('a record opened from its URL is drawn before React loads, and nothing drawn moves when React takes over', async ({ ext, extensionPage }) => {
  const home = await extensionPage('/dashboard.html');
  const { prospect } = await request<{ prospect: { id: string } }>(home, 'prospect.add', { name: 'Zoë Early', emails: ['zoe@early.example'], company: 'Early Co' });
  for (let i = 0; i < 8; i++) {
    await request(home, 'touch.log', { prospectId: prospect.id, channel: i % 2 ? 'note' : 'call', direction: i % 2 ? 'internal' : 'outbound', at: Date.parse('2026-11-01T09:00:00Z') + i * 3_600_000, summary: `Step ${i}` });
  }
  // Once, so the home has drawn the stages (the early paint names them from what it drew last).
  await home.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/record/${prospect.id}`);
  await expect(home.getByRole('form', { name: 'Details' })).toBeVisible();

  const page = await ext.context.newPage();
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.addInitScript(watchFrames);
  await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/record/${prospect.id}`);
  // React is in when the record's forms show; two more frames are drawn after that.
  await expect(page.getByRole('form', { name: 'Details' })).toBeVisible();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const frames = await page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);

  expect(frames.some((f) => f.early)).toBe(true);
  expect(frames.at(-1)!.early).toBe(false);
  const last = frames.at(-1)!.tops;
  for (const f of frames) expect(f.tops).toEqual(last);

  // One record on the page, its timeline whole, the early screen gone.
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Timeline' }).getByRole('listitem')).toHaveCount(9);
  await expect(page.getByRole('heading', { level: 2, name: 'Zoë Early' })).toBeVisible();
});
