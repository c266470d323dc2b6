import { serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';
import { goHash, SWITCH_BASE, THREAD_A, THREAD_B_HASH } from './gmail-support';

test.describe('Gmail as a single-page app: hash navigation and drafts update the sidebar without a reload', () => {
  test.beforeEach(async ({ ext }) => {
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/conversation-switch-2026-11.html' });
  });

  test('switches threads by hash change and back', async ({ ext }) => {
    const page = await ext.context.newPage();
    await page.goto(THREAD_A);
    const panel = sidebar(page);
    await expect(panel.getByRole('heading', { name: 'Pricing for 40 seats' })).toBeVisible();
    await expect(panel.getByRole('listitem', { name: 'Maria Gomez', exact: true })).toBeVisible();
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    await goHash(page, THREAD_B_HASH);
    await expect(panel.getByRole('heading', { name: 'Re: Renewal timeline' })).toBeVisible();
    await expect(panel.getByRole('listitem', { name: 'Tom Becker', exact: true })).toBeVisible();
    await expect(panel.getByRole('listitem', { name: 'Maria Gomez', exact: true })).toHaveCount(0);
    await expect(panel.getByRole('region', { name: 'Messages in this thread' }).getByRole('listitem')).toHaveCount(1);

    await page.goBack();
    await expect(panel.getByRole('heading', { name: 'Pricing for 40 seats' })).toBeVisible();
    await expect(panel.getByRole('listitem', { name: 'Li Wei', exact: true })).toBeVisible();
    await expect(panel.getByRole('listitem', { name: 'Tom Becker', exact: true })).toHaveCount(0);

    await goHash(page, '#inbox');
    await expect(panel.getByRole('heading', { name: 'Pricing for 40 seats' })).toHaveCount(0);
    await expect(panel.getByRole('region', { name: 'Messages in this thread' })).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  test('opening a draft shows its recipients, edits follow, closing it removes them', async ({ ext }) => {
    const page = await ext.context.newPage();
    await page.goto(`${SWITCH_BASE}#inbox`);
    const panel = sidebar(page);
    await expect(panel.getByRole('listitem', { name: 'Tom Becker', exact: true })).toBeVisible();
    await expect(panel.getByRole('region', { name: 'Drafts' })).toHaveCount(0);

    await goHash(page, '#inbox?compose=new');
    const draft = panel.getByRole('group', { name: 'Draft: Following up' });
    await expect(draft.getByRole('list', { name: 'To recipients' })).toContainText('Priya Natarajan <priya.natarajan@globex.example>');
    await expect(draft.getByRole('list', { name: 'To recipients' })).toContainText('jorge@umbrella.example');
    await expect(draft.getByRole('list', { name: 'Cc recipients' })).toContainText('Dana Ko <dana.ko@ourco.example> (not a prospect)');
    await expect(panel.getByRole('listitem', { name: 'Priya Natarajan', exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Add Dana Ko' })).toHaveCount(0);
    // The compose popup is fixed to the window's right edge: the sidebar must not cover it.
    const composeBox = (await page.locator('.dw [role="dialog"] .AD').boundingBox())!;
    expect(composeBox.x + composeBox.width).toBeLessThanOrEqual((await panel.boundingBox())!.x);

    // The rep adds a recipient (Gmail inserts a chip) and removes one.
    await page.evaluate(() => {
      const listbox = document.querySelector('.dw [name="to"] [role="listbox"]')!;
      listbox.querySelector('[data-hovercard-id="jorge@umbrella.example"]')!.remove();
      const chip = document.createElement('div');
      chip.setAttribute('role', 'option');
      chip.setAttribute('data-name', 'Lena Berg');
      chip.setAttribute('data-hovercard-id', 'lena@nordic-rail.example');
      listbox.prepend(chip);
    });
    await expect(panel.getByRole('listitem', { name: 'Lena Berg', exact: true })).toBeVisible();
    await expect(draft.getByRole('list', { name: 'To recipients' })).not.toContainText('jorge@umbrella.example');

    await goHash(page, '#inbox');
    await expect(panel.getByRole('region', { name: 'Drafts' })).toHaveCount(0);
    await expect(panel.getByRole('listitem', { name: 'Lena Berg', exact: true })).toHaveCount(0);
  });
});
