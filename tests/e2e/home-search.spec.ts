import { expect, test } from './fixtures';
import { request } from './linkedin-support';

interface Added {
  prospect: { id: string };
}

test.describe('search on the home page', () => {
  test('typing part of an accented name finds the person as you type; Enter opens the record', async ({ extensionPage }) => {
    const home = await extensionPage('/dashboard.html#/list');
    const { prospect: zoe } = await request<Added>(home, 'prospect.add', { name: 'Zoë Martin', emails: ['zoe.martin@acme.example'], company: 'Acme Rockets' });
    await request<Added>(home, 'prospect.add', { name: 'Zora Quinn', emails: ['zora@quinn.example'], company: 'Quinn & Co' });
    await request<Added>(home, 'prospect.add', { name: 'Marc Dubois', emails: ['marc@dubois.example'], company: 'Zoetis' });

    const search = home.getByRole('combobox', { name: 'Search prospects' });
    await home.locator('body').press('/');
    await expect(search).toBeFocused();
    await search.pressSequentially('ZOE');
    const results = home.getByRole('listbox', { name: 'Search results' });
    // Accent- and case-insensitive, by name and by company; the best (the name) first.
    await expect(results.getByRole('option')).toHaveCount(2);
    await expect(results.getByRole('option').first()).toContainText('Zoë Martin');
    await expect(results.getByRole('option').first()).toContainText('Acme Rockets');
    await expect(results.getByRole('option').first()).toContainText('Prospecting');
    await expect(results.getByRole('option').nth(1)).toContainText('Marc Dubois');
    await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await expect(search).toHaveAttribute('aria-expanded', 'true');

    // Arrow keys move the choice and come back round; Enter opens the chosen record.
    await search.press('ArrowDown');
    await expect(results.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
    await search.press('ArrowDown');
    await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await search.press('Enter');
    await expect(home).toHaveURL(new RegExp(`#/record/${zoe.id}$`));
    await expect(home.getByRole('heading', { level: 2, name: 'Zoë Martin' })).toBeVisible();
    await expect(search).toHaveValue('');
  });

  test('finds by any email, the LinkedIn URL and a tag; Escape clears; nobody is said so', async ({ extensionPage }) => {
    const home = await extensionPage('/dashboard.html#/board');
    const { prospect } = await request<Added>(home, 'prospect.add', {
      name: 'Łukasz Nowak',
      emails: ['lukasz@first.example', 'l.nowak@second.example'],
      linkedinUrl: 'https://www.linkedin.com/in/lukasz-nowak-demo/',
    });
    await request(home, 'prospect.update', { id: prospect.id, patch: { tags: ['Conférence 2026'] } });
    const search = home.getByRole('combobox', { name: 'Search prospects' });
    const options = home.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    for (const query of ['l.nowak@second', 'https://www.linkedin.com/in/lukasz-nowak-demo', 'conference', 'LUKASZ']) {
      await search.fill(query);
      await expect(options).toHaveText([/Łukasz Nowak/]);
    }
    await search.press('Escape');
    await expect(search).toHaveValue('');
    await expect(home.getByRole('listbox', { name: 'Search results' })).toBeHidden();
    await search.fill('nobody-by-this-name');
    await expect(home.getByRole('status').filter({ hasText: 'Nobody matches “nobody-by-this-name”.' })).toBeVisible();
    // The answer follows the store: a rename written by the background (as from a Gmail tab) comes into it.
    await request(home, 'prospect.update', { id: prospect.id, patch: { name: 'Nobody-by-this-name Nowak' } });
    await expect(options).toHaveText([/Nobody-by-this-name Nowak/]);
  });

  test('hostile text in a name stays text in the results', async ({ extensionPage }) => {
    const home = await extensionPage('/dashboard.html#/board');
    const hostile = '<img src=x onerror="document.title=\'pwned\'">Eve';
    await request<Added>(home, 'prospect.add', { name: hostile, emails: ['eve@hostile.example'], company: '<b>Bold</b> Inc' });
    const search = home.getByRole('combobox', { name: 'Search prospects' });
    await search.fill('eve@hostile');
    const option = home.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await expect(option).toContainText(hostile);
    await expect(option).toContainText('<b>Bold</b> Inc');
    await expect(option.locator('img, b')).toHaveCount(0);
    await expect(home).toHaveTitle('Board - Touchline');
  });
});
