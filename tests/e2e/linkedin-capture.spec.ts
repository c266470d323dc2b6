import { expect, sidebar, test } from './fixtures';
import { LI, pushStateTo, request, serveLinkedIn } from './linkedin-support';

test.describe('LinkedIn capture', () => {
  test.beforeEach(async ({ ext }) => serveLinkedIn(ext));

  test('a profile: add the person with everything detected', async ({ ext, extensionPage }) => {
    const page = await ext.context.newPage();
    await page.goto(`${LI}/in/priya-natarajan-demo/`);
    const panel = sidebar(page);
    const priya = panel.getByRole('listitem', { name: 'Priya Natarajan' });
    await expect(priya).toContainText('Head of Revenue Operations \u00b7 Globex Logistics');
    await panel.getByRole('button', { name: 'Add Priya Natarajan' }).click();
    await expect(priya.getByRole('combobox', { name: 'Stage' })).toHaveValue('prospecting');

    const dashboard = await extensionPage('/dashboard.html');
    const [p] = await request<Array<{ name: string; linkedinUrl: string; title: string; company: string; location: string; headline: string }>>(dashboard, 'prospect.list', {});
    expect(p).toMatchObject({
      name: 'Priya Natarajan',
      linkedinUrl: 'https://www.linkedin.com/in/priya-natarajan-demo',
      title: 'Head of Revenue Operations',
      company: 'Globex Logistics',
      location: 'Austin, Texas, United States',
    });
  });

  test('pushState from a profile to search results: bulk add, the known person not duplicated', async ({ ext, extensionPage }) => {
    const page = await ext.context.newPage();
    await page.goto(`${LI}/in/alex-chen-demo/`);
    const panel = sidebar(page);
    await panel.getByRole('button', { name: 'Add Alex Chen' }).click();
    await expect(panel.getByRole('listitem', { name: 'Alex Chen' }).getByRole('combobox', { name: 'Stage' })).toBeVisible();

    await pushStateTo(page, '/search/results/people/?keywords=revenue%20operations', 'linkedin/search-people-2025-03.html');
    const bulk = panel.getByRole('region', { name: 'Bulk capture' });
    const rows = bulk.getByRole('list', { name: 'People on this page' }).getByRole('listitem');
    await expect(rows).toHaveCount(3);
    await expect(bulk.getByRole('listitem', { name: 'Alex Chen' })).toContainText('Known');
    await expect(bulk.getByRole('checkbox', { name: 'Select Alex Chen' })).toBeDisabled();

    await bulk.getByRole('checkbox', { name: /Select all new/ }).check();
    await bulk.getByRole('button', { name: 'Add 2 selected' }).click();
    await expect(bulk.getByRole('status')).toHaveText('Added 2 prospects.');
    await expect(bulk.getByRole('listitem', { name: 'Fatima Haddad' })).toContainText('Known');
    await expect(bulk.getByRole('listitem', { name: 'Jürgen Müller' })).toContainText('Known');

    // The store refuses duplicates on its own too: a second bulk add of all three creates nobody.
    const dashboard = await extensionPage('/dashboard.html#/list');
    const again = await request<Array<{ created: boolean }>>(dashboard, 'prospect.addMany', {
      people: ['alex-chen-demo', 'fatima-haddad-demo', 'jürgen-müller-demo-8a1b2c'].map((slug) => ({ name: slug, linkedinUrl: `${LI}/in/${slug}` })),
    });
    expect(again.map((r) => r.created)).toEqual([false, false, false]);
    await dashboard.reload();
    await expect(dashboard.getByRole('table', { name: 'Prospects' }).getByRole('row')).toHaveCount(4);
  });

  test('a Sales Navigator lead list: add everyone with a lead link, then open a lead page', async ({ ext, extensionPage }) => {
    const page = await ext.context.newPage();
    await page.goto(`${LI}/sales/lists/people/7012345678?sortCriteria=CREATED_TIME`);
    const bulk = sidebar(page).getByRole('region', { name: 'Bulk capture' });
    await expect(bulk.getByRole('list', { name: 'People on this page' }).getByRole('listitem')).toHaveCount(2);
    await bulk.getByRole('checkbox', { name: 'Select Noor Rahman' }).check();
    await bulk.getByRole('checkbox', { name: 'Select Daniel Okafor' }).check();
    await bulk.getByRole('button', { name: 'Add 2 selected' }).click();
    await expect(bulk.getByRole('status')).toHaveText('Added 2 prospects.');
    const dashboard = await extensionPage('/dashboard.html');
    const all = await request<Array<{ name: string; company?: string; title?: string }>>(dashboard, 'prospect.list', {});
    expect(all.map((p) => [p.name, p.title, p.company]).sort()).toEqual([
      ['Daniel Okafor', 'Procurement Lead', 'Initech'],
      ['Noor Rahman', 'Head of Supply Chain', 'Umbrella Freight'],
    ]);

    // The lead page links the public profile: the sidebar offers the same-person merge with the list's lead.
    await page.goto(`${LI}/sales/lead/ACwAAdemoDaniel,NAME_SEARCH,aB1c`);
    const panel = sidebar(page);
    await panel.getByRole('button', { name: 'Add Daniel Okafor' }).click();
    await panel.getByRole('region', { name: 'Same person' }).getByRole('button', { name: 'Merge with Daniel Okafor' }).click();
    await expect(panel.getByRole('status')).toContainText('Merged into one prospect');
    const after = await request<Array<{ name: string; linkedinUrl?: string }>>(dashboard, 'prospect.list', {});
    expect(after.filter((p) => p.name === 'Daniel Okafor').map((p) => p.linkedinUrl)).toEqual([`${LI}/in/daniel-okafor-demo`]);
  });

  test('a company page: save the company and attach the prospect who works there', async ({ ext, extensionPage }) => {
    const dashboard = await extensionPage('/dashboard.html');
    const { prospect } = await request<{ prospect: { id: string } }>(dashboard, 'prospect.add', {
      name: 'Priya Natarajan',
      linkedinUrl: `${LI}/in/priya-natarajan-demo`,
      company: 'Globex Logistics',
    });
    const page = await ext.context.newPage();
    await page.goto(`${LI}/company/globex-logistics-demo/`);
    const card = sidebar(page).getByRole('region', { name: 'Company Globex Logistics' });
    await expect(card).toContainText('Truck Transportation');
    await card.getByRole('button', { name: 'Save company' }).click();
    await expect(card.getByRole('status')).toHaveText('Company saved.');
    await card.getByRole('button', { name: 'Attach 1 prospect (Priya Natarajan)' }).click();
    await expect(card).toContainText('Attached 1.');
    const detail = await request<{ prospect: { companyId?: string } }>(dashboard, 'prospect.get', { id: prospect.id });
    expect(detail.prospect.companyId).toBeTruthy();
  });

  test('hostile markup in a name and headline shows as text and never runs', async ({ ext }) => {
    const page = await ext.context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(`${LI}/in/eve-mallory-demo`);
    const panel = sidebar(page);
    const eve = panel.getByRole('listitem', { name: 'Eve <img src=x onerror=alert(1)> Mallory' });
    await expect(eve).toContainText('Eve <img src=x onerror=alert(1)> Mallory');
    await panel.getByRole('button', { name: 'Add Eve <img src=x onerror=alert(1)> Mallory' }).click();
    await expect(eve.getByRole('combobox', { name: 'Stage' })).toBeVisible();
    await expect(panel.locator('img, script, svg b')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });
});
