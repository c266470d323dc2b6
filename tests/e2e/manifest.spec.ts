import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_EXTENSION_DIR } from '../support/launch';
import { expect, test } from './fixtures';

const manifest = JSON.parse(readFileSync(join(SHIPPED_EXTENSION_DIR, 'manifest.json'), 'utf8'));
const SITES = ['https://mail.google.com/*', 'https://www.linkedin.com/*'];

test('the built manifest asks for the two sites and nothing broader', () => {
  expect(manifest.manifest_version).toBe(3);
  expect([...manifest.host_permissions].sort()).toEqual(SITES);
  const everything = JSON.stringify({ p: manifest.permissions, h: manifest.host_permissions, c: manifest.content_scripts });
  expect(everything).not.toMatch(/<all_urls>|\*:\/\/\*\/|https?:\/\/\*\//);
  for (const cs of manifest.content_scripts) for (const m of cs.matches) expect(SITES).toContain(m);
  for (const war of manifest.web_accessible_resources ?? []) {
    // Dynamic URLs change per session, so a page cannot probe for a fixed resource to detect Touchline.
    expect(war.use_dynamic_url).toBe(true);
    for (const m of war.matches) expect(SITES).toContain(m);
  }
  expect(manifest.permissions).not.toContain('tabs');
  expect(manifest.permissions).not.toContain('scripting');
});

// The CRM hosts, asked for one at a time when a rep connects that CRM (never at install). `https://*/*` is the one
// broad pattern: a self-hosted Twenty or a webhook lives on the team's own host; the options page still asks for
// exactly the origin being connected (lib/sync/connection.ts originPattern).
const CRM_HOSTS = [
  'https://api.hubapi.com/*',
  'https://api.pipedrive.com/*',
  'https://api.twenty.com/*',
  'https://login.salesforce.com/*',
  'https://test.salesforce.com/*',
  'https://*.my.salesforce.com/*',
  'https://*/*',
  'http://localhost/*',
  'http://127.0.0.1/*',
];

test('CRM hosts and the sign-in window are optional: asked for at connect time, and only these', () => {
  expect(manifest.optional_host_permissions).toEqual(CRM_HOSTS);
  expect(manifest.optional_permissions).toEqual(['identity']);
  const granted = JSON.stringify({ p: manifest.permissions, h: manifest.host_permissions });
  for (const host of CRM_HOSTS) expect(granted).not.toContain(host);
  // Firefox's MV2 build has no optional_host_permissions: the same origins sit in optional_permissions.
  const firefox = JSON.parse(readFileSync(join(SHIPPED_EXTENSION_DIR, '..', 'firefox-mv2', 'manifest.json'), 'utf8'));
  expect(firefox.optional_permissions).toEqual([...CRM_HOSTS, 'identity']);
  expect([...firefox.permissions].filter((p: string) => p.includes('://')).sort()).toEqual(SITES);
});

test('the extension loads and its service worker answers from an extension page', async ({ extensionPage }) => {
  const page = await extensionPage('/popup.html');
  await expect(page.getByText('0 prospects')).toBeVisible();
});

test('the manifests name the oldest browsers Touchline works on', () => {
  // Chrome 111 / Firefox 128: Tailwind CSS 4, storage.session, `:has()` (wxt.config.ts says which needs what).
  expect(manifest.minimum_chrome_version).toBe('111');
  const firefox = JSON.parse(readFileSync(join(SHIPPED_EXTENSION_DIR, '..', 'firefox-mv2', 'manifest.json'), 'utf8'));
  expect(firefox.browser_specific_settings.gecko.strict_min_version).toBe('128.0');
  expect(firefox.minimum_chrome_version).toBeUndefined();
});
