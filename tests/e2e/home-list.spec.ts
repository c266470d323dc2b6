import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { request } from './linkedin-support';

interface Detail {
  prospect: { id: string; name: string; stageId: string; tags: string[] };
  stageChanges: Array<{ from: string | null; to: string; reason?: string; unmetCriteria?: string[] }>;
}

const PEOPLE = ['Ana Silva', 'Ben Okafor', 'Chloé Durand', 'Dev Patel', 'Eun-ji Park'];

async function seed(page: Page): Promise<void> {
  for (const [i, name] of PEOPLE.entries()) await request(page, 'prospect.add', { name, emails: [`person${i}@example.org`], company: `${name.split(' ')[1]} GmbH` });
}

const table = (page: Page) => page.getByRole('table', { name: 'Prospects' });
/** The data rows in the order the list shows them (the header row is the first row). */
const dataRows = (page: Page) => table(page).locator('tbody tr[data-id]');

test.describe('the list view (dashboard.html#/list)', () => {
  test('bulk-moves three people: one reason for the unmet criteria, a StageChange each, their new stage on screen', async ({ extensionPage }) => {
    const home = await extensionPage('/dashboard.html#/list');
    await seed(home);
    await expect(dataRows(home)).toHaveCount(5);
    await expect(home.getByRole('status').filter({ hasText: /^5 prospects$/ })).toBeVisible();

    // Shift-click selects the range: the first row, then the third with shift.
    await dataRows(home).nth(0).getByRole('checkbox').check();
    await dataRows(home).nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] });
    const bulk = home.getByRole('region', { name: 'Bulk actions' });
    await expect(bulk).toContainText('3 prospects selected');
    // Some but not all selected: the header's box shows it (a mixed state, not checked).
    const selectAll = table(home).getByRole('checkbox', { name: 'Select all 5 matching' });
    await expect(selectAll).not.toBeChecked();
    await expect.poll(() => selectAll.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);
    const ids = await Promise.all([0, 1, 2].map((i) => dataRows(home).nth(i).getAttribute('data-id')));
    for (const i of [0, 1, 2]) await expect(dataRows(home).nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(dataRows(home).nth(3)).toHaveAttribute('aria-selected', 'false');

    await bulk.getByLabel('Move to').selectOption({ label: 'Qualification' });
    await bulk.getByRole('button', { name: 'Move', exact: true }).click();
    const dialog = bulk.getByRole('dialog', { name: 'Move to Qualification' });
    await expect(dialog.getByRole('list', { name: 'Unmet exit criteria' })).toContainText('Fits the ICP');
    await expect(dialog.getByRole('button', { name: 'Move' })).toBeDisabled();
    await dialog.getByLabel('Reason for moving on').fill('Met all three at the trade fair');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await expect(home.getByRole('status').filter({ hasText: 'Moved 3 prospects to Qualification.' })).toBeVisible();
    await expect(home.getByRole('region', { name: 'Bulk actions' })).toBeHidden();

    for (const id of ids) {
      await expect(table(home).locator(`tr[data-id="${id}"]`)).toContainText('Qualification');
      const detail = await request<Detail>(home, 'prospect.get', { id });
      expect(detail.prospect.stageId).toBe('qualification');
      expect(detail.stageChanges.map((c) => c.to)).toEqual(['prospecting', 'qualification']);
      expect(detail.stageChanges[1]).toMatchObject({ from: 'prospecting', reason: 'Met all three at the trade fair' });
      expect(detail.stageChanges[1]!.unmetCriteria).toContain('Fits the ICP (industry, size, role)');
    }
    // The other two stayed where they were, with their first stage change only.
    const others = await dataRows(home).evaluateAll((rows, moved) => rows.map((r) => r.getAttribute('data-id')!).filter((id) => !moved.includes(id)), ids as string[]);
    expect(others).toHaveLength(2);
    for (const id of others) expect((await request<Detail>(home, 'prospect.get', { id })).stageChanges).toHaveLength(1);

    // The filter bar narrows the list to the moved three.
    await home.getByRole('group', { name: 'Filters' }).locator('summary', { hasText: 'Stages' }).click();
    await home.getByRole('group', { name: 'Filters' }).getByRole('checkbox', { name: 'Qualification' }).check();
    await expect(dataRows(home)).toHaveCount(3);
    await expect(home).toHaveURL(/#\/list\?stage=qualification$/);
  });

  test('sortable headers keep the sort in the URL; select all matching, tag, start a cadence, export the selection', async ({ extensionPage }) => {
    const home = await extensionPage('/dashboard.html#/list');
    await seed(home);
    await expect(dataRows(home)).toHaveCount(5);
    const scoreHeader = table(home).getByRole('columnheader', { name: 'Score' });
    await expect(scoreHeader).toHaveAttribute('aria-sort', 'descending');
    await table(home).getByRole('button', { name: 'Last touch' }).click();
    await expect(home).toHaveURL(/#\/list\?sort=lastTouch$/);
    await expect(table(home).getByRole('columnheader', { name: 'Last touch' })).toHaveAttribute('aria-sort', 'descending');
    await expect(scoreHeader).not.toHaveAttribute('aria-sort');
    await home.reload();
    await expect(table(home).getByRole('columnheader', { name: 'Last touch' })).toHaveAttribute('aria-sort', 'descending');
    await table(home).getByRole('button', { name: 'Next step' }).click();
    await expect(home).toHaveURL(/#\/list\?sort=nextStep$/);
    await expect(table(home).getByRole('columnheader', { name: 'Next step' })).toHaveAttribute('aria-sort', 'ascending');

    await table(home).getByRole('checkbox', { name: 'Select all 5 matching' }).check();
    const bulk = home.getByRole('region', { name: 'Bulk actions' });
    await expect(bulk).toContainText('5 prospects selected');

    await bulk.getByLabel('Tag').fill('Fair 2026');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await expect(bulk.getByRole('status')).toHaveText('Tagged 5 prospects “Fair 2026”.');
    const ids = await dataRows(home).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!));
    for (const id of ids) expect((await request<Detail>(home, 'prospect.get', { id })).prospect.tags).toEqual(['Fair 2026']);

    await bulk.getByRole('button', { name: 'Start cadence' }).click();
    await expect(bulk.getByRole('status')).toHaveText('Started for 5 prospects.');
    await bulk.getByRole('button', { name: 'Start cadence' }).click();
    await expect(bulk.getByRole('status')).toHaveText('Started for 0 prospects; 5 prospects already in it.');

    const [download] = await Promise.all([home.waitForEvent('download'), bulk.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(6);
    for (const name of PEOPLE) expect(csv).toContain(name);
    expect(csv).toContain('Fair 2026');
    await expect(bulk.getByRole('status')).toHaveText('Exported 5 prospects.');

    await bulk.getByRole('button', { name: 'Clear selection' }).click();
    await expect(bulk).toBeHidden();
  });
});
