import { defineConfig } from 'wxt';
import tailwindcss from '@tailwindcss/vite';
import { GMAIL_MATCHES, HOST_MATCHES, LINKEDIN_MATCHES } from './lib/hosts';
import { RESERVED_SPACE_FILES, reservedSpaceCss } from './lib/content/layout';
import { SIDEBAR_WIDTH } from './lib/content/sidebar-classes';
import { gmailLayoutCss } from './lib/sites/gmail/layout';

// Each site's sidebar room, as CSS the browser applies before the page's first byte (lib/content/layout.ts).
const RESERVED_SPACE = [
  { file: RESERVED_SPACE_FILES.gmail, matches: GMAIL_MATCHES, css: reservedSpaceCss(SIDEBAR_WIDTH, gmailLayoutCss(SIDEBAR_WIDTH)) },
  { file: RESERVED_SPACE_FILES.linkedin, matches: LINKEDIN_MATCHES, css: reservedSpaceCss(SIDEBAR_WIDTH) },
];

const CRM_HOSTS = [
  'https://api.hubapi.com/*',
  'https://api.pipedrive.com/*',
  'https://api.twenty.com/*',
  // Salesforce: sign-in (production and sandboxes) and the org's own instance.
  'https://login.salesforce.com/*',
  'https://test.salesforce.com/*',
  'https://*.my.salesforce.com/*',
  'https://*/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
];

// The manifest asks only for what the product uses: storage for settings and host access to Gmail and
// LinkedIn. CRM hosts are optional permissions requested when a user connects that CRM.
// The test build (`TOUCHLINE_TEST_BUILD=1 wxt build`, into .output/chrome-mv3-test) differs from the shipped
// one in a single flag: the sidebar's shadow root is open, so Playwright and the bench can reach it by role
// and label. The shipped build's root is closed (lib/content/shadow-host.ts); tests/e2e/shipped.spec.ts
// proves a page cannot read it.
const TEST_BUILD = process.env.TOUCHLINE_TEST_BUILD === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDirTemplate: TEST_BUILD ? '{{browser}}-mv{{manifestVersion}}-test' : undefined,
  hooks: {
    'build:publicAssets': (_, files) => {
      for (const r of RESERVED_SPACE) files.push({ relativeDest: r.file, contents: r.css });
    },
    'build:manifestGenerated': (_, manifest) => {
      manifest.content_scripts ??= [];
      for (const r of RESERVED_SPACE) manifest.content_scripts.push({ matches: [...r.matches], css: [r.file], run_at: 'document_start' });
      // Firefox's background is an event page without importScripts: it evaluates background-full.js (all but a
      // page's answers) before background.js, which a service worker loads only when used (lib/background/lazy-full.ts).
      const background = manifest.background as { scripts?: string[] } | undefined;
      if (background?.scripts) background.scripts.unshift('background-full.js');
    },
  },
  vite: () => ({ plugins: [tailwindcss()], define: { __TOUCHLINE_TEST_BUILD__: JSON.stringify(TEST_BUILD) } }),
  manifest: ({ manifestVersion, browser }) => ({
    name: 'Touchline',
    // The oldest browsers with everything Touchline relies on: storage.session for the per-tab page scopes
    // (Chrome 102, Firefox 115), `:has()` in LinkedIn's selectors (Chrome 105, Firefox 121) and Tailwind CSS 4
    // in the sidebar and pages (Chrome 111, Firefox 128). Secrets never rely on storage.local's access level
    // (Chrome 140 only): the CRM token lives in the extension's IndexedDB (lib/sync/connection-store.ts).
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { strict_min_version: '128.0' } } } : { minimum_chrome_version: '111' }),
    description: 'A CRM sidebar for Gmail and LinkedIn: qualify prospects and log every touch without leaving the page.',
    // alarms + notifications: follow-up reminders that survive the service worker and the browser stopping.
    // contextMenus: "Open Touchline home" on the toolbar button's right-click menu (no install warning).
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus'],
    // CRM hosts are asked for at connect time only. `https://*/*` covers a self-hosted Twenty or a webhook
    // URL; localhost covers Twenty's default self-host (http://localhost:3000) and a receiver on the rep's
    // machine. The options page requests exactly the one origin being connected, never a wildcard.
    // (MV2, Firefox's default build, has no optional_host_permissions: origins go in optional_permissions.)
    // `identity` (optional too): Salesforce's OAuth sign-in window, asked for when a rep signs in.
    ...(manifestVersion === 2 ? { optional_permissions: [...CRM_HOSTS, 'identity'] } : { optional_host_permissions: CRM_HOSTS, optional_permissions: ['identity'] }),
    host_permissions: [...HOST_MATCHES],
    // Each site's sidebar UI module, imported by that site's content script after its first paint; only
    // that site may load it, and only at a per-session URL (no fixed URL a page could probe for Touchline).
    web_accessible_resources:
      manifestVersion === 2
        ? ['gmail-sidebar.js', 'linkedin-sidebar.js']
        : [
            { resources: ['gmail-sidebar.js'], matches: GMAIL_MATCHES, use_dynamic_url: true },
            { resources: ['linkedin-sidebar.js'], matches: LINKEDIN_MATCHES, use_dynamic_url: true },
          ],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: 'Open or close the Touchline sidebar',
      },
      'open-home': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Open the Touchline home (pipeline board, list, records)',
      },
    },
  }),
});
