import { serveSite } from '../support/launch';
import { PAINT_PROBE, readProbe } from '../../bench/sidebar-probe';
import { expect, sidebar, test } from './fixtures';

const LARGE_THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoLarge';

test.describe('first paint (issue 10 §2)', () => {
  test('on the large thread the people are painted before the store answers, and no name moves when the UI and the answer arrive', async ({ ext }) => {
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-large-2026-11.html' });
    const page = await ext.context.newPage();
    // Records where each name is in the frame that first shows the people, and again once every card shows
    // the store's answer (bench/sidebar-probe.ts): the same loads the bench times.
    await page.addInitScript({ content: PAINT_PROBE(20) });
    await page.goto(LARGE_THREAD);
    const probe = await readProbe(page);
    expect(probe.beforeStore).toBe(true);
    expect(probe.shift).toBe(0);
    // The signature proposals the first paint drew are the UI's own now (a real button, which the first paint's box was not).
    await expect(sidebar(page).getByRole('region', { name: /^Signature of / }).first().getByRole('button', { name: 'Add with signature details' })).toBeVisible();
  });
});
