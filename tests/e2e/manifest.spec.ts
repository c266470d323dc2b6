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
