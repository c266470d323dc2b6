import type { Locator, Page } from '@playwright/test';
import { startServiceWorkerClockAt } from '../support/clock';
import { expect, test } from './fixtures';
import { request } from './linkedin-support';

interface ProspectRow {
  id: string;
  name: string;
  stageId: string;
}
interface Detail {
  prospect: ProspectRow;
  stageChanges: Array<{ from: string | null; to: string; reason?: string }>;
}

/** Every date in these tests hangs off one instant (a Wednesday morning in Berlin, the tests' zone). */
const NOW = Date.parse('2026-12-02T09:00:00+01:00');
const DAY = 86_400_000;

const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const card = (page: Page, stage: string, name: string) => column(page, stage).getByRole('button', { name, exact: true });

async function add(page: Page, name: string, patch: Record<string, unknown> = {}): Promise<ProspectRow> {
  const { prospect } = await request<{ prospect: ProspectRow }>(page, 'prospect.add', { name, emails: [`${name.split(' ')[0]!.toLowerCase()}@board.example`] });
  if (Object.keys(patch).length) await request(page, 'prospect.update', { id: prospect.id, patch });
  return prospect;
}

/**
 * A pointer drag the way a hand does it: press, travel a little (dnd-kit starts after a few pixels), travel
 * to the column, and let go once the column shows it is the drop target (as a rep watches the highlight).
 */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  await expect(from).toHaveAttribute('aria-pressed', 'true'); // picked up
  // Where the column is now, with the drag under way.
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + 120, { steps: 12 });
  await expect(to).toHaveAttribute('data-drop-over', 'true');
  await page.mouse.up();
}

/** The home at `hash` with the page's clock fixed at NOW (cards compute overdue and days in stage from it). */
async function openBoard(page: Page, extensionId: string, hash = '#/board'): Promise<void> {
  await page.clock.setFixedTime(NOW);
  // A new document, so the board mounts on the fixed clock: from dashboard.html (where the test sent its
  // requests, and whose board had mounted on the real clock) a goto to its own #/board is only a hash change,
  // and the cards kept the real "now" until its minute tick, a real 60 s wait ("Eli Today" overdue till then).
  await page.goto('about:blank');
  await page.goto(`chrome-extension://${extensionId}/dashboard.html${hash}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  expect(await page.evaluate(() => Date.now())).toBe(NOW);
}

test.describe('the pipeline board (dashboard.html#/board)', () => {
  test.beforeEach(async ({ ext }) => {
    await startServiceWorkerClockAt(ext.serviceWorker, new Date(NOW).toISOString());
  });

  test('dragging a card past an unmet exit criterion asks for a reason and records it; a click opens the record', async ({ ext, extensionPage }) => {
    const page = await extensionPage('/dashboard.html');
    const ana = await add(page, 'Ana Drag', { company: 'Initech', nextStep: 'Send the deck', followUpAt: NOW + 3 * DAY });
    await openBoard(page, ext.extensionId);

    const anaCard = card(page, 'Prospecting', 'Ana Drag');
    await expect(anaCard).toContainText('Initech');
    await expect(anaCard).toContainText('Send the deck');
    await expect(anaCard).toContainText('0 days in stage');
    await expect(column(page, 'Prospecting').getByLabel('1 in Prospecting')).toBeVisible();

    await drag(page, anaCard, column(page, 'Qualification'));
    // The card is in its new column at once; the rules ask for a reason before anything is recorded.
    await expect(card(page, 'Qualification', 'Ana Drag')).toBeVisible();
    const ask = page.getByRole('dialog', { name: 'Move to Qualification' });
    await expect(ask.getByRole('list', { name: 'Unmet exit criteria' })).toContainText('Fits the ICP');
    expect((await request<Detail>(page, 'prospect.get', { id: ana.id })).prospect.stageId).toBe('prospecting');

    await ask.getByLabel('Reason for moving on').fill('Met at the forecasting meetup');
    await ask.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(ask).toHaveCount(0);
    await expect(card(page, 'Qualification', 'Ana Drag')).toBeVisible();
    await expect(card(page, 'Prospecting', 'Ana Drag')).toHaveCount(0);
    await expect(column(page, 'Qualification').getByLabel('1 in Qualification')).toBeVisible();

    // Recorded by the background as a StageChange with the reason ...
    await expect.poll(async () => (await request<Detail>(page, 'prospect.get', { id: ana.id })).stageChanges.find((c) => c.to === 'qualification')?.reason).toBe('Met at the forecasting meetup');
    // ... and the record the card opens shows it.
    await card(page, 'Qualification', 'Ana Drag').click();
    await expect(page).toHaveURL(new RegExp(`#/record/${ana.id}$`));
    const moved = page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').filter({ hasText: 'Stage: Prospecting → Qualification' });
    await expect(moved).toContainText('Reason: Met at the forecasting meetup');
  });

  test('a card moves by keyboard alone: focus, "m", pick a stage, type the reason; focus follows the card', async ({ ext, extensionPage }) => {
    const page = await extensionPage('/dashboard.html');
    const ben = await add(page, 'Ben Keys', { company: 'Globex' });
    await add(page, 'Cleo Stays');
    await openBoard(page, ext.extensionId);

    const benCard = card(page, 'Prospecting', 'Ben Keys');
    await benCard.focus();
    await page.keyboard.press('m');
    const menu = page.getByRole('menu', { name: 'Move Ben Keys to' });
    // The menu starts on the next stage; one step down is Approach.
    await expect(menu.getByRole('menuitem', { name: 'Qualification' })).toBeFocused();
    await expect(menu.getByRole('menuitem', { name: 'Prospecting' })).toHaveCount(0);
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Approach' })).toBeFocused();
    await page.keyboard.press('Enter');

    const ask = page.getByRole('dialog', { name: 'Move to Approach' });
    await expect(ask.getByLabel('Reason for moving on')).toBeFocused();
    await page.keyboard.type('Replied to the cold email');
    await page.keyboard.press('Control+Enter');
    await expect(ask).toHaveCount(0);

    // In the new column, and focused there (the card mounted anew in that column's list).
    const moved = card(page, 'Approach', 'Ben Keys');
    await expect(moved).toBeVisible();
    await expect(moved).toBeFocused();
    await expect(card(page, 'Prospecting', 'Ben Keys')).toHaveCount(0);
    await expect(card(page, 'Prospecting', 'Cleo Stays')).toBeVisible();
    await expect.poll(async () => (await request<Detail>(page, 'prospect.get', { id: ben.id })).prospect.stageId).toBe('approach');

    // Escape closes the menu without moving, and gives focus back to the card.
    await page.keyboard.press('m');
    await expect(page.getByRole('menu', { name: 'Move Ben Keys to' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu')).toHaveCount(0);
    await expect(moved).toBeFocused();
    // Enter opens the record.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/record/${ben.id}$`));
  });

  test('"Follow-up due" keeps only the people due by today, in the URL; won and lost start collapsed', async ({ ext, extensionPage }) => {
    const page = await extensionPage('/dashboard.html');
    await add(page, 'Dana Late', { nextStep: 'Call back', followUpAt: NOW - 2 * DAY });
    await add(page, 'Eli Today', { nextStep: 'Send pricing', followUpAt: NOW + 3 * 3_600_000 });
    await add(page, 'Fay Later', { nextStep: 'Check in', followUpAt: NOW + 10 * DAY });
    await add(page, 'Gus Nothing');
    const won = await add(page, 'Hal Won');
    await request(page, 'stage.move', { prospectId: won.id, stageId: 'won', reason: 'Signed' });
    await openBoard(page, ext.extensionId);

    const prospecting = column(page, 'Prospecting');
    await expect(prospecting.getByRole('listitem')).toHaveCount(4);
    await expect(prospecting.getByLabel('4 in Prospecting')).toBeVisible();
    // Overdue is said in red on the card; due today is not overdue.
    await expect(card(page, 'Prospecting', 'Dana Late')).toContainText('Call back');
    await expect(card(page, 'Prospecting', 'Dana Late')).toContainText('overdue');
    await expect(card(page, 'Prospecting', 'Eli Today')).not.toContainText('overdue');

    // Won and lost are collapsed: a count, no cards, until expanded.
    const wonColumn = column(page, 'Closed won');
    await expect(wonColumn.getByRole('button', { name: 'Show Closed won' })).toHaveAttribute('aria-expanded', 'false');
    await expect(wonColumn.getByLabel('1 in Closed won')).toBeVisible();
    await expect(wonColumn.getByRole('button', { name: 'Hal Won' })).toHaveCount(0);
    await expect(column(page, 'Closed lost').getByRole('button', { name: 'Show Closed lost' })).toHaveAttribute('aria-expanded', 'false');
    await wonColumn.getByRole('button', { name: 'Show Closed won' }).click();
    await expect(wonColumn.getByRole('button', { name: 'Hal Won' })).toBeVisible();
    await expect(wonColumn.getByRole('button', { name: 'Hide Closed won' })).toHaveAttribute('aria-expanded', 'true');

    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByRole('checkbox', { name: 'Follow-up due' }).check();
    await expect(page).toHaveURL(/#\/board\?due=1$/);
    await expect(prospecting.getByRole('listitem')).toHaveCount(2);
    await expect(card(page, 'Prospecting', 'Dana Late')).toBeVisible();
    await expect(card(page, 'Prospecting', 'Eli Today')).toBeVisible();
    await expect(prospecting.getByLabel('2 in Prospecting')).toBeVisible();
    await expect(wonColumn.getByLabel('0 in Closed won')).toBeVisible();

    // The filter is the URL's: a reload keeps it, and so does coming back from a record.
    await page.reload();
    await expect(filters.getByRole('checkbox', { name: 'Follow-up due' })).toBeChecked();
    await expect(prospecting.getByLabel('2 in Prospecting')).toBeVisible();
    await card(page, 'Prospecting', 'Eli Today').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Eli Today' })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/#\/board\?due=1$/);
    await expect(prospecting.getByLabel('2 in Prospecting')).toBeVisible();
    await expect(card(page, 'Prospecting', 'Fay Later')).toHaveCount(0);

    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/#\/board$/);
    await expect(prospecting.getByLabel('4 in Prospecting')).toBeVisible();
  });
});
