import { serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';

test('the LinkedIn profile sidebar offers the person and adds them with what was detected', async ({ ext, extensionPage }) => {
  await serveSite(ext.context, 'https://www.linkedin.com', { '/in/': 'linkedin/profile-2025-03.html' });
  const page = await ext.context.newPage();
  await page.goto('https://www.linkedin.com/in/priya-natarajan-demo/');
  const panel = sidebar(page);
  const card = panel.getByRole('listitem', { name: 'Priya Natarajan' });
  await expect(card).toContainText('Head of Revenue Operations');
  await card.getByRole('button', { name: 'Add Priya Natarajan' }).click();
  await expect(card.getByRole('combobox', { name: 'Stage' })).toHaveValue('prospecting');

  const dashboard = await extensionPage('/dashboard.html#/list');
  const table = dashboard.getByRole('table', { name: 'Prospects' });
  await expect(table).toContainText('Priya Natarajan');
  await expect(table).toContainText('https://www.linkedin.com/in/priya-natarajan-demo');
  await expect(table).toContainText('Globex Logistics');
});
