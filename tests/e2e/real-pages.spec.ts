import { readFileSync } from 'node:fs';
import { serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

/** Real LinkedIn profiles saved logged in (tests/fixtures/real), served at their own URLs. */
const expected = JSON.parse(readFileSync('tests/fixtures/real/expected.json', 'utf8')) as Record<string, any>;
const profiles = Object.entries(expected).filter(([, e]) => e.kind === 'linkedin-profile');

for (const [file, e] of profiles) {
  test(`the sidebar reads the member of the real profile ${file}: name, title, company, headline`, async ({ ext }) => {
    const path = new URL(e.profileUrl).pathname;
    await serveSite(ext.context, 'https://www.linkedin.com', { [path]: `real/${file}` });
    const page = await ext.context.newPage();
    await page.goto(e.profileUrl);
    const card = sidebar(page).getByRole('listitem', { name: e.name });
    await expect(card).toBeVisible();
    await expect(card).toContainText(`${e.currentPosition.title} · ${e.currentPosition.company}`);
    await expect(card.getByLabel('Headline')).toHaveText(e.headline);
    // Nobody else on the page (notifications, suggestions, People also viewed) is offered as a person.
    await expect(sidebar(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Add / }) })).toHaveCount(1);
  });
}
