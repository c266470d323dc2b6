import { test as base, expect } from '@playwright/test';
import { GMAIL_THREAD_URL, launchWithExtension, serveSite, type Launched } from '../support/launch';

// Issue 12 §6: in the build users install, the page's own scripts cannot read the sidebar. (Every other
// e2e test runs the test build, whose only difference is an open shadow root: see wxt.config.ts.)
const test = base.extend<{ shipped: Launched }>({
  // eslint-disable-next-line no-empty-pattern
  shipped: async ({}, use) => {
    const launched = await launchWithExtension({ shipped: true });
    await use(launched);
    await launched.close();
  },
});

test('the shipped sidebar shows the thread\u2019s people, and the page cannot read them', async ({ shipped }) => {
  await serveSite(shipped.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
  const page = await shipped.context.newPage();
  // A hostile page: it patches attachShadow to force roots open and keep them, before any other script.
  await page.addInitScript(() => {
    const captured: ShadowRoot[] = [];
    (window as unknown as { captured: ShadowRoot[] }).captured = captured;
    const original = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = original.call(this, { ...init, mode: 'open' });
      captured.push(root);
      return root;
    };
  });
  await page.goto(GMAIL_THREAD_URL);

  // The browser's accessibility tree (which sees through closed roots) shows the sidebar with the people.
  const cdp = await shipped.context.newCDPSession(page);
  const sidebarNames = async () => {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: Array<{ role?: { value: string }; name?: { value: string } }> };
    return nodes.filter((n) => n.role?.value === 'listitem' || n.role?.value === 'complementary').map((n) => n.name?.value);
  };
  await expect.poll(sidebarNames).toEqual(expect.arrayContaining(['Touchline', 'Maria Gomez', 'Li Wei']));

  // From the page: a host element, but no way in.
  const seen = await page.evaluate(() => {
    const host = document.querySelector('touchline-sidebar');
    return {
      host: !!host,
      shadowRoot: host?.shadowRoot ?? null,
      captured: (window as unknown as { captured: ShadowRoot[] }).captured.length,
      text: document.body.innerText.includes('Add as prospect'),
      asides: document.querySelectorAll('aside').length,
    };
  });
  expect(seen).toEqual({ host: true, shadowRoot: null, captured: 0, text: false, asides: 0 });
  await expect(page.getByRole('complementary', { name: 'Touchline' })).toHaveCount(0);
});
