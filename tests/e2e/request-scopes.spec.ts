import { serveSite } from '../support/launch';
import { requestFromContentScript } from './content-world';
import { LI, request, serveLinkedIn } from './linkedin-support';
import { expect, sidebar, test } from './fixtures';

// Issue 12 §2: each site's content script may ask only for what its own sidebar shows, for its own page.
test.describe('what a content script may ask the background', () => {
  test('a LinkedIn content script cannot read Gmail mail, pull records in bulk or act on people it was not shown', async ({ ext, extensionPage }) => {
    // Maria is known from Gmail: an email touch with its subject and snippet.
    const options = await extensionPage('/options.html');
    const { prospect: maria } = await request<{ prospect: { id: string } }>(options, 'prospect.add', { name: 'Maria Gomez', emails: ['maria.gomez@acme-robotics.example'] });
    await request(options, 'touch.log', {
      prospectId: maria.id,
      channel: 'email',
      direction: 'inbound',
      at: Date.UTC(2026, 10, 2),
      subject: 'Pricing for 40 seats',
      summary: 'Our budget is 80k',
      sourceId: 'msg-1',
    });

    await serveLinkedIn(ext);
    const page = await ext.context.newPage();
    await page.goto(`${LI}/in/priya-natarajan-demo/`);
    await expect(sidebar(page).getByRole('button', { name: 'Add Priya Natarajan' })).toBeVisible();

    // Gmail's own request, the dashboard's list and a whole record are not the LinkedIn script's to make.
    const stages = await requestFromContentScript(ext, page, 'inbox.stages', { emails: ['maria.gomez@acme-robotics.example'] });
    expect(stages).toEqual({ ok: false, error: { code: 'forbidden', message: '"inbox.stages" is not allowed from the LinkedIn content script.' } });
    for (const [type, payload] of [
      ['prospect.list', {}],
      ['prospect.get', { id: maria.id }],
      ['people.lookup', { people: [{ emails: ['maria.gomez@acme-robotics.example'] }] }],
    ] as const) {
      expect(await requestFromContentScript(ext, page, type, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }

    // A lookup of hundreds of keys is a bulk pull, not a page.
    const bulk = await requestFromContentScript(ext, page, 'page.people', {
      people: Array.from({ length: 300 }, (_, i) => ({ emails: [`person${i}@acme-robotics.example`] })),
    });
    expect(bulk).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(bulk.error!.message).toMatch(/people: .*120/);

    // Acting on an id the page was never shown (Maria's, read elsewhere) is refused, and says why.
    const merge = await requestFromContentScript(ext, page, 'prospect.update', { id: maria.id, patch: { title: 'Hacked' } });
    expect(merge).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(merge.error!.message).toMatch(/not shown .*LinkedIn content script may act only on the people on its page/);
    const attach = await requestFromContentScript(ext, page, 'touch.logMany', {
      touches: [{ prospectId: maria.id, channel: 'note', direction: 'internal', at: 1 }],
    });
    expect(attach).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Even a person it may look up comes without Gmail's subjects and snippets.
    const looked = (await requestFromContentScript(ext, page, 'page.people', { people: [{ emails: ['maria.gomez@acme-robotics.example'] }] })) as {
      ok: boolean;
      value: Array<{ touches: Array<{ channel: string; subject?: string; summary?: string }> } | null>;
    };
    expect(looked.ok).toBe(true);
    expect(looked.value[0]!.touches).toEqual([expect.objectContaining({ channel: 'email' })]);
    expect(JSON.stringify(looked.value)).not.toMatch(/Pricing for 40 seats|80k/);
  });

  test('the Gmail content script sees its own mail and may act on the people its page shows', async ({ ext }) => {
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
    const page = await ext.context.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoThread1');
    await sidebar(page).getByRole('button', { name: 'Add Maria Gomez' }).click();
    await expect(sidebar(page).getByRole('listitem', { name: 'Maria Gomez' }).getByRole('combobox', { name: 'Stage' })).toBeVisible();
    const merge = await requestFromContentScript(ext, page, 'prospect.merge', { keepId: 'a', mergeId: 'b' });
    expect(merge).toEqual({ ok: false, error: { code: 'forbidden', message: '"prospect.merge" is not allowed from the Gmail content script.' } });
    const stages = (await requestFromContentScript(ext, page, 'inbox.stages', { emails: ['maria.gomez@acme-robotics.example'] })) as { value: unknown };
    expect(stages).toEqual({ ok: true, value: ['prospecting'] });
  });
});
