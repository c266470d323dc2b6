import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_EXTENSION_DIR } from '../support/launch';
import { expect, test } from './fixtures';

test.describe('the home page (dashboard.html)', () => {
  test('routes survive a reload and the back button; a bare URL opens the board', async ({ ext, extensionPage }) => {
    const page = await extensionPage('/dashboard.html');
    await expect(page).toHaveURL(/dashboard\.html#\/board$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await expect(nav.getByRole('link')).toHaveText(['Board', 'List', 'Metrics', 'Import and export']);
    await expect(nav.getByRole('link', { name: 'Board' })).toHaveAttribute('aria-current', 'page');

    await nav.getByRole('link', { name: 'List' }).click();
    await expect(page).toHaveURL(/#\/list$/);
    await expect(page.getByRole('heading', { level: 1, name: 'List' })).toBeVisible();
    await expect(page).toHaveTitle('List - Touchline');
    await nav.getByRole('link', { name: 'Metrics' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(/#\/list$/);
    await expect(page.getByRole('heading', { level: 1, name: 'List' })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    await page.goForward();
    await expect(page.getByRole('heading', { level: 1, name: 'List' })).toBeVisible();

    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/data`);
    await expect(page.getByRole('heading', { level: 1, name: 'Import and export' })).toBeVisible();
    await page.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/nowhere`);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  });

  test('"/" focuses the search box from anywhere but a field', async ({ extensionPage }) => {
    const page = await extensionPage('/dashboard.html#/list');
    const search = page.getByRole('combobox', { name: 'Search prospects' });
    await expect(page.getByRole('heading', { level: 1, name: 'List' })).toBeVisible();
    await page.locator('body').press('/');
    await expect(search).toBeFocused();
    await expect(search).toHaveValue('');
  });

  test('the popup opens the home, and brings the open one forward the second time', async ({ ext, extensionPage }) => {
    const popup = await extensionPage('/popup.html');
    const opened = ext.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Open home' }).click();
    const home = await opened;
    await expect(home).toHaveURL(/dashboard\.html#\/board$/);
    await expect(home.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();

    const homes = () => ext.context.pages().filter((p) => p.url().includes('/dashboard.html')).length;
    expect(homes()).toBe(1);
    const tabOf = (p: typeof home) => p.evaluate(() => chrome.tabs.getCurrent().then((t) => t?.id));
    const activeTab = () => ext.serviceWorker.evaluate(() => chrome.tabs.query({ active: true }).then((ts) => ts.map((t) => t.id)));
    const [homeTab, popupTab] = [await tabOf(home), await tabOf(popup)];
    await popup.bringToFront();
    await expect.poll(activeTab).toEqual([popupTab]);
    await popup.getByRole('button', { name: 'Open home' }).click();
    await expect.poll(activeTab).toEqual([homeTab]);
    expect(homes()).toBe(1);
  });

  test('the keyboard shortcut and the toolbar menu are registered', async ({ ext }) => {
    const manifest = JSON.parse(readFileSync(join(SHIPPED_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.commands['open-home'].suggested_key.default).toBe('Alt+Shift+H');
    const sw = ext.serviceWorker;
    const commands = await sw.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'open-home')?.shortcut).toBe('Alt+Shift+H');
    // update() rejects for a menu item that does not exist: this proves the toolbar button's item is there.
    await expect.poll(() => sw.evaluate(() => chrome.contextMenus.update('touchline-open-home', {}).then(() => true, () => false))).toBe(true);
  });
});

declare const chrome: {
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
  tabs: { getCurrent(): Promise<{ id?: number } | undefined>; query(q: object): Promise<Array<{ id?: number }>> };
  contextMenus: { update(id: string, props: object): Promise<void> };
};
