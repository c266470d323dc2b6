import { LI, serveLinkedIn } from '../../tests/e2e/linkedin-support';
import { serveSite, type Launched } from '../../tests/support/launch';
import { countRequests, requestCounts } from '../sidebar-probe';
import type { BenchRow } from '../table';

const SUITE = 'gmail';
const LARGE_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTlBcdemoLarge';
// The large thread's 20 external people (tests/fixtures/gmail/thread-large-2026-11.html).
const PEOPLE = [
  'arseny.petrov@volga-freight.example',
  'eleni@aegean-ports.example',
  'm.alahmad@gulf-logistics.example',
  'maria.gomez@acme-robotics.example',
  'priya.natarajan@globex.example',
  'wang.fang@pearl-river.example',
  ...Array.from({ length: 14 }, (_, i) => `buyer${i + 1}@customer-${i % 5}.example`),
];

const settle = () => new Promise((r) => setTimeout(r, 1500));

/**
 * Requests the sidebar makes, counted in the service worker by sender: opening the large thread with its 20
 * people known, then a change to one of them made elsewhere (the thread's tab, and a LinkedIn tab that shows
 * none of them).
 */
export async function requestsPerPage(ext: Launched): Promise<BenchRow[]> {
  await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-large-2026-11.html' });
  await serveLinkedIn(ext);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const added = await options.evaluate(
    (people) => chrome.runtime.sendMessage({ type: 'prospect.addMany', payload: { people: people.map((e) => ({ name: e.split('@')[0], emails: [e] })) } }),
    PEOPLE,
  );
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  const maria = (added.value as Array<{ prospect: { id: string; emails: string[] } }>).find((r) => r.prospect.emails[0] === 'maria.gomez@acme-robotics.example')!.prospect.id;

  const linkedin = await ext.context.newPage();
  await linkedin.goto(`${LI}/in/alex-chen-demo/`);
  await linkedin.getByRole('complementary', { name: 'Touchline' }).getByRole('button', { name: 'Add Alex Chen' }).waitFor();
  await countRequests(ext);
  await settle();
  await requestCounts(ext);

  const thread = await ext.context.newPage();
  await thread.goto(LARGE_URL);
  const panel = thread.getByRole('complementary', { name: 'Touchline' });
  await panel.getByRole('combobox', { name: 'Stage' }).nth(PEOPLE.length - 1).waitFor();
  await settle();
  const opening = (await requestCounts(ext)).filter((r) => r.url.startsWith('https://mail.google.com'));

  await options.evaluate((id) => chrome.runtime.sendMessage({ type: 'stage.move', payload: { prospectId: id, stageId: 'qualification', reason: 'bench' } }), maria);
  const stage = panel.getByRole('listitem', { name: /^maria/ }).getByRole('combobox', { name: 'Stage' });
  while ((await stage.inputValue()) !== 'qualification') await thread.waitForTimeout(20);
  await settle();
  const after = await requestCounts(ext);
  const fromThread = after.filter((r) => r.url.startsWith('https://mail.google.com')).length;
  const fromLinkedIn = after.filter((r) => r.url.startsWith(LI)).length;
  await Promise.all([thread.close(), linkedin.close(), options.close()]);
  const describe = (rs: Array<{ type: string }>) => rs.map((r) => r.type).join(', ');
  return [
    { suite: SUITE, metric: `requests for the people, opening the large thread with ${PEOPLE.length} known prospects`, value: String(opening.filter((r) => r.type === 'page.people').length), goal: '1' },
    { suite: SUITE, metric: `  all requests of that page load (${describe(opening)})`, value: String(opening.length) },
    { suite: SUITE, metric: 'after a change to one of them: requests from the tab showing them', value: String(fromThread), goal: '1' },
    { suite: SUITE, metric: 'after a change to one of them: requests from a tab showing none of them (LinkedIn)', value: String(fromLinkedIn), goal: '0' },
  ];
}

// The extension API as the options page's scripts use it (they run in the browser, not in Node).
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> } };
