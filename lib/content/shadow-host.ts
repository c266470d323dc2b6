/** Set by wxt.config.ts: true only in the test build (TOUCHLINE_TEST_BUILD=1). */
declare const __TOUCHLINE_TEST_BUILD__: boolean | undefined;

/**
 * The sidebar's host element and its shadow root. The shipped build's root is closed, so Gmail's and
 * LinkedIn's own scripts cannot read the rep's pipeline out of it (`host.shadowRoot` is null for them).
 * The test build (`TOUCHLINE_TEST_BUILD=1 wxt build`, used by Playwright and the bench) opens it so that
 * locators can reach the sidebar by role and label; nothing else differs between the two builds.
 */
export const SHADOW_MODE: ShadowRootMode = typeof __TOUCHLINE_TEST_BUILD__ !== 'undefined' && __TOUCHLINE_TEST_BUILD__ ? 'open' : 'closed';

export const HOST_TAG = 'touchline-sidebar';

// Rules that only work at document level inside a shadow tree's styles (Tailwind's @property, fonts).
const DOCUMENT_LEVEL = /(\s*@(property|font-face)[\s\S]*?{[\s\S]*?})/gm;

export interface SidebarHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where the sidebar paints (a <body> inside the shadow root, so `:host` styles and resets apply). */
  body: HTMLElement;
}

/**
 * Builds the host with its styles inline: the stylesheet ships inside the content script, so the first
 * paint never waits on a fetch. The host is not in the page until `attach`.
 */
export function createSidebarHost(doc: Document, css: string): SidebarHost {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const all = `:host{all:initial !important;}\n${css.replaceAll(':root', ':host')}`;
  const documentCss = Array.from(all.matchAll(DOCUMENT_LEVEL), (m) => m[0]).join('');
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const style = doc.createElement('style');
  style.textContent = all.replace(DOCUMENT_LEVEL, '');
  head.append(style);
  const body = doc.createElement('body');
  html.append(head, body);
  root.append(html);
  if (documentCss && !doc.getElementById('touchline-document-styles')) {
    const docStyle = doc.createElement('style');
    docStyle.id = 'touchline-document-styles';
    docStyle.textContent = documentCss;
    (doc.head ?? doc.documentElement).append(docStyle);
  }
  return { host, root, body };
}
