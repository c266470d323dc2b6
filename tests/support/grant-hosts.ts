import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, type Launched } from './launch';

/**
 * Chromium with the extension already granted `origins` (optional host permissions), as if the user had
 * clicked "Allow" on the prompt `permissions.request` shows: headless Chromium cannot show that prompt, so
 * the grant is written into the profile's Preferences between a first and a second launch. The extension's
 * own `permissions.request` then resolves true without a prompt, exactly as after a real grant.
 */
export async function launchWithGrantedHosts(origins: string[]): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'touchline-profile-'));
  const first = await launchWithExtension({ userDataDir });
  const id = first.extensionId;
  await first.close();
  const prefsFile = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(prefsFile, 'utf8'));
  const settings = prefs.extensions.settings[id];
  for (const key of ['granted_permissions', 'active_permissions']) {
    settings[key].explicit_host = [...new Set([...(settings[key].explicit_host ?? []), ...origins])];
  }
  writeFileSync(prefsFile, JSON.stringify(prefs));
  return launchWithExtension({ userDataDir });
}
