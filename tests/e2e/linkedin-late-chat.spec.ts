import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

test('a chat bubble LinkedIn renders after load puts its person in the sidebar', async ({ ext }) => {
  await serveSite(ext.context, 'https://www.linkedin.com', { '/in/ingrid-holm-demo': 'linkedin/profile-late-chat-2025-06.html' });
  const page = await ext.context.newPage();
  await page.goto('https://www.linkedin.com/in/ingrid-holm-demo/');
  const panel = sidebar(page);
  await expect(panel.getByRole('listitem', { name: 'Ingrid Holm' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Lucía Ferreira' })).toHaveCount(0);
  const html = readFileSync(join(FIXTURES_DIR, 'linkedin/chat-bubble-2025-06.html'), 'utf8');
  await page.evaluate((html) => {
    const aside = new DOMParser().parseFromString(html, 'text/html').querySelector('aside#msg-overlay')!;
    document.querySelector('.application-outlet__overlay-container')!.append(document.importNode(aside, true));
  }, html);
  await expect(panel.getByRole('listitem', { name: 'Lucía Ferreira' })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Ingrid Holm' })).toBeVisible();
});
