import { existsSync } from 'node:fs';

/** The Chromium to drive: CHROMIUM_PATH, else Debian's package, else a clear message saying how to get one. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or point CHROMIUM_PATH at a Chrome or Chromium binary.',
    );
  }
  return found;
}
