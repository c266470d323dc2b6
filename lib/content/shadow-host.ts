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

/** The sidebar's stylesheet split into what goes in its shadow root and the few rules that must be document-level. */
export interface SidebarCss {
  shadow: string;
  document: string;
}

export function splitSidebarCss(css: string): SidebarCss {
  const all = `:host{all:initial !important;}\n${css.replaceAll(':root', ':host')}`;
  return { shadow: all.replace(DOCUMENT_LEVEL, ''), document: Array.from(all.matchAll(DOCUMENT_LEVEL), (m) => m[0]).join('') };
}

/**
 * The document-level rules (Tailwind's @property registrations), added at document_start while the document
 * is still empty: a stylesheet added to a parsed page invalidates the style of every element in it (a full
 * style pass over the large Gmail thread, in the frame that shows the people).
 */
export function installDocumentStyles(doc: Document, css: SidebarCss): void {
  if (!css.document || doc.getElementById('touchline-document-styles')) return;
  const docStyle = doc.createElement('style');
  docStyle.id = 'touchline-document-styles';
  docStyle.textContent = css.document;
  (doc.head ?? doc.documentElement).append(docStyle);
}

/**
 * Builds the host with its styles inline: the stylesheet ships inside the content script, so the first
 * paint never waits on a fetch. The host is not in the page until the caller appends it.
 */
export function createSidebarHost(doc: Document, css: SidebarCss): SidebarHost {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: SHADOW_MODE });
  const html = doc.createElement('html');
  const head = doc.createElement('head');
  const style = doc.createElement('style');
  style.textContent = css.shadow;
  head.append(style);
  const body = doc.createElement('body');
  html.append(head, body);
  root.append(html);
  return { host, root, body };
}
