// Installs node_modules on a fresh clone so `npm start` and `npm test` work as the first command a user runs.
// `npm install`, not `npm ci`: the registry here answers 404 for other platforms' optional packages, so the
// lockfile never lists them and `npm ci` refuses it (see TOOLCHAIN.md).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

if (!existsSync('node_modules/.bin/wxt') || !existsSync('.wxt/tsconfig.json')) {
  console.log('touchline: installing dependencies (npm install)...');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
