import { browser } from 'wxt/browser';

/** The manifest command (keyboard shortcut) and the toolbar button's menu item that open the home page. */
export const OPEN_HOME_COMMAND = 'open-home';
export const OPEN_HOME_MENU_ID = 'touchline-open-home';

interface TabContext {
  tabId: number;
  windowId: number;
  documentUrl?: string;
}
type GetContexts = (filter: { contextTypes: string[] }) => Promise<TabContext[]>;

/**
 * Opens the home page (dashboard.html), or brings forward the tab that already shows it. Chrome's
 * runtime.getContexts lists the extension's own tabs without the `tabs` permission; where it is missing
 * (Firefox), a new tab opens.
 */
export async function openHome(path = ''): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const getContexts = (browser.runtime as unknown as { getContexts?: GetContexts }).getContexts;
  const open = getContexts ? (await getContexts({ contextTypes: ['TAB'] }).catch(() => [])).find((c) => c.documentUrl?.startsWith(base)) : undefined;
  if (open) {
    await browser.tabs.update(open.tabId, { active: true, ...(path ? { url: base + path } : {}) });
    await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url: base + path });
}

/** The toolbar button's right-click menu gets "Open Touchline home" (the left click opens the popup). */
export function registerHomeMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  // MV3 calls it 'action', Firefox MV2 'browser_action'.
  const contexts = [browser.action ? 'action' : 'browser_action'] as ['action'];
  browser.runtime.onInstalled.addListener(() => {
    menus.create({ id: OPEN_HOME_MENU_ID, title: 'Open Touchline home', contexts }, () => void browser.runtime.lastError);
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === OPEN_HOME_MENU_ID) void openHome();
  });
}
