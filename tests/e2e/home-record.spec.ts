import { serveSite } from '../support/launch';
import { expect, sidebar, test } from './fixtures';
import { saveSettings, SWITCH_BASE } from './gmail-support';
import { LI, request, serveLinkedIn } from './linkedin-support';

interface ProspectRow {
  id: string;
  name: string;
}
interface Detail {
  touches: Array<{ id: string; channel: string; summary?: string }>;
}

const timeline = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Timeline' });

test.describe('the prospect record (dashboard.html#/record/<id>)', () => {
  test('touches logged from the LinkedIn and Gmail sidebars meet on one record with links back; an edit there shows in the Gmail sidebar', async ({ ext }) => {
    await serveLinkedIn(ext);
    await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/conversation-switch-2026-11.html' });
    await saveSettings(ext, { logOnSend: true });

    // LinkedIn first: the rep adds Priya from her profile and logs the connection request.
    const linkedin = await ext.context.newPage();
    await linkedin.goto(`${LI}/in/priya-natarajan-demo/`);
    const liPanel = sidebar(linkedin);
    await liPanel.getByRole('button', { name: 'Add Priya Natarajan' }).click();
    await liPanel.getByRole('combobox', { name: 'Touch', exact: true }).selectOption({ label: 'Connection request' });
    await liPanel.getByRole('textbox', { name: 'Touch summary' }).fill('Sent with a note about forecasting');
    await liPanel.getByRole('button', { name: 'Log touch' }).click();
    await expect(liPanel.getByRole('list', { name: 'Recent touches' })).toContainText('Sent with a note about forecasting');

    // The sidebar opens her record on the home page.
    const opened = ext.context.waitForEvent('page');
    await liPanel.getByRole('button', { name: 'Open the record of Priya Natarajan' }).click();
    const record = await opened;
    await expect(record).toHaveURL(/dashboard\.html#\/record\/[^/]+$/);
    await expect(record.getByRole('heading', { level: 2, name: 'Priya Natarajan' })).toBeVisible();
    const connection = timeline(record).getByRole('listitem').filter({ hasText: 'Sent with a note about forecasting' });
    await expect(connection).toContainText('Connection request sent');
    await expect(connection.getByRole('link', { name: 'Open on LinkedIn' })).toHaveAttribute('href', /^https:\/\/www\.linkedin\.com\/in\/priya-natarajan-demo/);

    // Her email address and title, added on the record.
    const contact = record.getByRole('form', { name: 'Contact' });
    await contact.getByLabel('Emails').fill('priya.natarajan@globex.example');
    await contact.getByRole('button', { name: 'Save contact' }).click();
    await expect(contact.getByLabel('Emails')).toHaveValue('priya.natarajan@globex.example');
    const details = record.getByRole('form', { name: 'Details' });
    await details.getByLabel('Title').fill('VP Revenue Operations');
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(details.getByRole('button', { name: 'Save details' })).toBeDisabled();
    await expect(record.getByText('VP Revenue Operations · Globex')).toBeVisible();

    // Gmail: a draft to her address finds her known, with the title edited on the record.
    const gmail = await ext.context.newPage();
    await gmail.goto(`${SWITCH_BASE}#inbox?compose=new`);
    const priya = sidebar(gmail).getByRole('listitem', { name: 'Priya Natarajan', exact: true });
    await expect(priya.getByRole('combobox', { name: 'Stage' })).toBeVisible();
    await expect(priya).toContainText('VP Revenue Operations');
    await priya.getByRole('textbox', { name: 'Note' }).fill('She asked for the security review');
    await priya.getByRole('button', { name: 'Add note' }).click();
    await expect(priya.getByRole('list', { name: 'Recent touches' })).toContainText('She asked for the security review');
    // Sending the draft logs the email (the option saved above).
    await gmail.locator('.dw [role="dialog"] .aoO[role="button"]').click();
    await expect(priya.getByRole('list', { name: 'Recent touches' })).toContainText('Email');

    // The record, open all along, follows without a reload: both Gmail touches, with their links back.
    const note = timeline(record).getByRole('listitem').filter({ hasText: 'She asked for the security review' });
    await expect(note).toContainText('Note');
    await expect(note.getByRole('link', { name: 'Open in Gmail' })).toHaveAttribute('href', /^https:\/\/mail\.google\.com\/mail\/u\/0\//);
    const email = timeline(record).getByRole('listitem').filter({ hasText: 'Following up' });
    await expect(email).toContainText('Email sent');
    await expect(email.getByRole('link', { name: 'Open in Gmail' })).toHaveAttribute('href', /^https:\/\/mail\.google\.com\/mail\/u\/0\//);
    await expect(connection).toBeVisible();
    // Newest first: the email, the note, the connection request, then her first stage.
    await expect(timeline(record).getByRole('listitem').first()).toContainText('Following up');
    await expect(timeline(record).getByRole('listitem').last()).toContainText('Added in Prospecting');

    // The URL is the record's: a reload opens it again.
    await record.reload();
    await expect(record.getByRole('heading', { level: 2, name: 'Priya Natarajan' })).toBeVisible();
    await expect(timeline(record).getByRole('listitem')).toHaveCount(4);
  });

  test('deleting a note asks first and can be undone; stage moves keep the rules; hostile text stays text', async ({ ext, extensionPage }) => {
    const home = await extensionPage('/dashboard.html');
    const hostile = '<img src=x onerror="window.__pwned=1">Zoë <b>Bold</b>';
    const { prospect } = await request<{ prospect: ProspectRow }>(home, 'prospect.add', { name: hostile, emails: ['zoe@hostile.example'] });
    await request(home, 'touch.log', { prospectId: prospect.id, channel: 'note', direction: 'internal', at: Date.parse('2026-11-30T09:00:00Z'), summary: '<script>window.__pwned=1</script>Budget is approved' });
    const hostileEmail = {
      prospectId: prospect.id,
      channel: 'email',
      direction: 'inbound',
      at: Date.parse('2026-11-30T10:00:00Z'),
      subject: '<a href="javascript:alert(1)">Re: pricing</a>',
      sourceId: 'msg-hostile',
    };
    // A javascript: URL is refused when stored (only https: links on the touch's own site are kept) ...
    await expect(request(home, 'touch.log', { ...hostileEmail, url: 'javascript:alert(1)' })).rejects.toThrow('A page link must be an https:// link on mail.google.com or www.linkedin.com.');
    // ... and the same touch without it is stored, its HTML subject kept as text.
    await request(home, 'touch.log', hostileEmail);

    await home.goto(home.url().replace(/#.*$/, `#/record/${prospect.id}`));
    await expect(home.getByRole('heading', { level: 2 })).toHaveText(hostile);
    const entries = timeline(home).getByRole('listitem');
    await expect(entries.filter({ hasText: '<script>window.__pwned=1</script>Budget is approved' })).toBeVisible();
    await expect(entries.filter({ hasText: '<a href="javascript:alert(1)">Re: pricing</a>' })).toBeVisible();
    // No markup from the data, and the javascript: URL reaches no href.
    expect(await home.locator('article img, article b, article script').count()).toBe(0);
    await expect(home.locator('a[href^="javascript"]')).toHaveCount(0);
    await expect(entries.filter({ hasText: 'Re: pricing' }).getByRole('link')).toHaveCount(0);
    expect(await home.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Delete asks first; Cancel keeps the note.
    const note = entries.filter({ hasText: 'Budget is approved' });
    await note.getByRole('button', { name: 'Delete note' }).click();
    const confirm = home.getByRole('alertdialog', { name: 'Delete this note?' });
    await expect(confirm).toContainText('Budget is approved');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(note).toBeVisible();

    await note.getByRole('button', { name: 'Delete note' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(note).toHaveCount(0);
    await expect(home.getByRole('status').filter({ hasText: 'Note deleted.' })).toBeVisible();
    let detail = await request<Detail>(home, 'prospect.get', { id: prospect.id });
    expect(detail.touches.map((t) => t.channel)).toEqual(['email']);

    await home.getByRole('button', { name: 'Undo' }).click();
    await expect(note).toBeVisible();
    await expect(home.getByRole('status').filter({ hasText: 'Note deleted.' })).toHaveCount(0);
    detail = await request<Detail>(home, 'prospect.get', { id: prospect.id });
    expect(detail.touches.map((t) => t.channel).sort()).toEqual(['email', 'note']);

    // Moving on with an unmet exit criterion asks for a reason, and the timeline keeps it.
    await home.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Qualification' });
    const move = home.getByRole('dialog', { name: 'Move to Qualification' });
    await move.getByLabel('Reason for moving on').fill('Referred by their CFO');
    await move.getByRole('button', { name: 'Move', exact: true }).click();
    await expect(home.getByRole('combobox', { name: 'Stage' })).toHaveValue('qualification');
    const moved = entries.filter({ hasText: 'Stage: Prospecting → Qualification' });
    await expect(moved).toContainText('Reason: Referred by their CFO');

    // Back and forward: the record is a history entry like every view.
    await home.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Board' }).click();
    await expect(home.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    await home.goBack();
    await expect(home.getByRole('heading', { level: 2 })).toHaveText(hostile);
    await expect(moved).toBeVisible();
  });
});
