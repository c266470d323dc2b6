import { expect, sidebar, test } from './fixtures';
import { LI, request, serveLinkedIn } from './linkedin-support';

interface Detail {
  touches: Array<{ channel: string; direction: string; sourceId?: string; summary?: string }>;
}
interface ProspectRow {
  id: string;
  name: string;
  emails: string[];
  linkedinUrl?: string;
}

test.describe('LinkedIn touches and identities', () => {
  test.beforeEach(async ({ ext }) => serveLinkedIn(ext));

  test('messaging: log one message, then all of them, then again: still one touch each', async ({ ext, extensionPage }) => {
    const page = await ext.context.newPage();
    await page.goto(`${LI}/messaging/thread/2-YmE3ZDdemoDaniel==/`);
    const panel = sidebar(page);
    await panel.getByRole('button', { name: 'Add Daniel Okafor' }).click();
    const thread = panel.getByRole('region', { name: 'Messages with Daniel Okafor' });
    await thread.getByRole('button', { name: 'Log message 1' }).click();
    await expect(thread.getByRole('listitem', { name: 'Message 1' })).toContainText('Logged');
    await thread.getByRole('button', { name: 'Log all messages' }).click();
    await expect(thread.getByText('Logged')).toHaveCount(3);
    await expect(thread.getByRole('button', { name: 'Log all messages' })).toBeDisabled();

    await page.reload();
    await expect(sidebar(page).getByRole('region', { name: 'Messages with Daniel Okafor' }).getByText('Logged')).toHaveCount(3);

    const dashboard = await extensionPage('/dashboard.html');
    const [daniel] = await request<ProspectRow[]>(dashboard, 'prospect.list', {});
    // Logging the same messages again (as a second click or auto-log would) stores nothing new.
    for (const n of [1, 2, 3]) {
      const again = await request<{ created: boolean }>(dashboard, 'touch.log', {
        prospectId: daniel!.id,
        channel: 'linkedin-message',
        direction: 'outbound',
        at: Date.now(),
        sourceId: `urn:li:msg_message:(urn:li:fsd_profile:ACoAAMe,2-MTc0MDUdemo${n})`,
      });
      expect(again.created).toBe(false);
    }
    const detail = await request<Detail>(dashboard, 'prospect.get', { id: daniel!.id });
    expect(detail.touches.map((t) => [t.channel, t.direction]).sort()).toEqual([
      ['linkedin-message', 'inbound'],
      ['linkedin-message', 'outbound'],
      ['linkedin-message', 'outbound'],
    ]);
    expect(detail.touches.map((t) => t.summary)).toContain('Possibly. Budget is set in April. Can you send something on ROI first?');
  });

  test('overlay chat bubble with a known prospect: auto-logged when the setting is on', async ({ ext, extensionPage }) => {
    const options = await extensionPage('/options.html');
    const autoLog = options.getByRole('checkbox', { name: 'Log every message of conversations with known prospects automatically' });
    await expect(autoLog).not.toBeChecked();
    await autoLog.check();
    await options.reload();
    await expect(autoLog).toBeChecked();
    const dashboard = await extensionPage('/dashboard.html');
    const { prospect } = await request<{ prospect: ProspectRow }>(dashboard, 'prospect.add', { name: 'Alex Chen', linkedinUrl: `${LI}/in/alex-chen-demo` });

    const page = await ext.context.newPage();
    await page.goto(`${LI}/feed/`);
    const chat = sidebar(page).getByRole('region', { name: 'Messages with Alex Chen' });
    await expect(chat.getByText('Logged')).toHaveCount(3);
    const detail = await request<Detail>(dashboard, 'prospect.get', { id: prospect.id });
    expect(detail.touches.map((t) => t.direction).sort()).toEqual(['inbound', 'outbound', 'outbound']);
  });

  test('log a connection request from the profile', async ({ ext }) => {
    const page = await ext.context.newPage();
    await page.goto(`${LI}/in/priya-natarajan-demo/`);
    const panel = sidebar(page);
    await panel.getByRole('button', { name: 'Add Priya Natarajan' }).click();
    await panel.getByRole('combobox', { name: 'Touch', exact: true }).selectOption({ label: 'Connection request' });
    await panel.getByRole('textbox', { name: 'Touch summary' }).fill('Sent with a note about forecasting');
    await panel.getByRole('button', { name: 'Log touch' }).click();
    await expect(panel.getByRole('list', { name: 'Recent touches' })).toContainText('Connection request');
    await expect(panel.getByRole('list', { name: 'Recent touches' })).toContainText('Sent with a note about forecasting');
  });

  test('merge the LinkedIn prospect with the email prospect of the same person, then undo', async ({ ext, extensionPage }) => {
    const dashboard = await extensionPage('/dashboard.html');
    const { prospect: byEmail } = await request<{ prospect: ProspectRow }>(dashboard, 'prospect.add', {
      name: 'Priya Natarajan',
      emails: ['priya.natarajan@globex.example'],
    });
    await request(dashboard, 'touch.log', { prospectId: byEmail.id, channel: 'email', direction: 'outbound', at: Date.now() - 60_000, sourceId: 'msg-intro', subject: 'Intro' });

    const page = await ext.context.newPage();
    await page.goto(`${LI}/in/priya-natarajan-demo/`);
    const panel = sidebar(page);
    await panel.getByRole('button', { name: 'Add Priya Natarajan' }).click();
    await panel.getByRole('button', { name: 'Log touch' }).click();
    const same = panel.getByRole('region', { name: 'Same person' });
    await expect(same).toContainText('priya.natarajan@globex.example');
    await same.getByRole('button', { name: 'Merge with Priya Natarajan' }).click();
    await expect(panel.getByRole('status')).toContainText('Merged into one prospect');
    await expect(same).toHaveCount(0);

    let all = await request<ProspectRow[]>(dashboard, 'prospect.list', {});
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ id: byEmail.id, emails: ['priya.natarajan@globex.example'], linkedinUrl: `${LI}/in/priya-natarajan-demo` });
    const merged = await request<Detail>(dashboard, 'prospect.get', { id: byEmail.id });
    expect(merged.touches.map((t) => t.channel).sort()).toEqual(['email', 'linkedin-connection']);

    await panel.getByRole('button', { name: 'Undo merge' }).click();
    await expect(panel.getByRole('status')).toHaveCount(0);
    all = await request<ProspectRow[]>(dashboard, 'prospect.list', {});
    expect(all).toHaveLength(2);
    const li = all.find((p) => p.linkedinUrl)!;
    expect(li.emails).toEqual([]);
    expect((await request<Detail>(dashboard, 'prospect.get', { id: byEmail.id })).touches.map((t) => t.channel)).toEqual(['email']);
    expect((await request<Detail>(dashboard, 'prospect.get', { id: li.id })).touches.map((t) => t.channel)).toEqual(['linkedin-connection']);
    await expect(panel.getByRole('region', { name: 'Same person' })).toBeVisible();
  });
});
