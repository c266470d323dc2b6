// `npm start`: shows Touchline working. With a display, opens Chromium with the extension on the bundled
// Gmail and LinkedIn demo pages (served at their real URLs, nothing leaves the machine) and waits until you
// close it. Without one, takes screenshots of the sidebar and prints where they are.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { GMAIL_THREAD_URL, launchWithExtension, serveSite } from '../tests/support/launch';
import { seedDemoPipeline } from './demo-pipeline';

execFileSync('bash', ['scripts/ensure-chromium.sh'], { stdio: 'inherit' });

const headed = !!process.env.DISPLAY && process.env.CI !== 'true' && !process.argv.includes('--screenshots');
const outDir = resolve('demo-output');
mkdirSync(outDir, { recursive: true });

const ext = await launchWithExtension({ headless: !headed });
await serveSite(ext.context, 'https://mail.google.com', { '/mail/': 'gmail/thread-2025-03.html' });
await serveSite(ext.context, 'https://www.linkedin.com', { '/in/': 'linkedin/profile-2025-03.html' });

const gmail = await ext.context.newPage();
await gmail.goto(GMAIL_THREAD_URL);
const panel = gmail.getByRole('complementary', { name: 'Touchline' });
await panel.getByRole('button', { name: 'Add Maria Gomez' }).click();
const maria = panel.getByRole('listitem', { name: 'Maria Gomez' });
await maria.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Qualification' });
// With no ideal customer profile set yet, "fits the ICP" is unmet: the process asks why we move on.
await maria.getByRole('dialog', { name: 'Move to Qualification' }).getByLabel('Reason for moving on').fill('Inbound pricing request');
await maria.getByRole('button', { name: 'Move', exact: true }).click();
await maria.getByRole('textbox', { name: 'Note' }).fill('Budget review on March 20; wants pricing for 40 seats.');
await maria.getByRole('button', { name: 'Add note' }).click();
await maria.getByRole('list', { name: 'Recent touches' }).waitFor();

const linkedin = await ext.context.newPage();
await linkedin.goto('https://www.linkedin.com/in/priya-natarajan-demo/');
await linkedin.getByRole('complementary', { name: 'Touchline' }).getByRole('button', { name: 'Add Priya Natarajan' }).click();
await linkedin.getByRole('complementary', { name: 'Touchline' }).getByRole('combobox', { name: 'Stage' }).waitFor();

const dashboard = await ext.context.newPage();
await dashboard.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/list`);
await dashboard.getByRole('table', { name: 'Prospects' }).getByText('Priya Natarajan').waitFor();

// The home with a believable pipeline: three dozen people over every stage (scripts/demo-pipeline.ts).
const people = await seedDemoPipeline(dashboard);
const board = await ext.context.newPage();
await board.setViewportSize({ width: 1600, height: 900 });
await board.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/board`);
await board.getByRole('list', { name: 'Cards in Closing' }).getByRole('listitem').first().waitFor();
// A record found the way a rep finds one: type part of an accented name, Enter.
const record = await ext.context.newPage();
await record.setViewportSize({ width: 1280, height: 1000 });
await record.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/board`);
await record.getByRole('combobox', { name: 'Search prospects' }).fill('zoe');
await record.getByRole('option', { name: /Zoë Martin/ }).waitFor();
await record.getByRole('combobox', { name: 'Search prospects' }).press('Enter');
await record.getByRole('heading', { name: 'Zoë Martin' }).waitFor();

// The metrics page over the demo pipeline and what the demo just did, in a docs-sized window (the README's
// image is this page at 1280 px wide).
const metrics = await ext.context.newPage();
await metrics.setViewportSize({ width: 1280, height: 900 });
await metrics.goto(`chrome-extension://${ext.extensionId}/dashboard.html#/metrics`);
await metrics.getByRole('region', { name: 'Win rate' }).waitFor();

if (headed) {
  await gmail.bringToFront();
  console.log('Touchline is running in Chromium on the demo Gmail thread, a LinkedIn profile and the dashboard. Close the browser to finish.');
  await new Promise<void>((done) => ext.context.on('close', () => done()));
} else {
  const shots = {
    gmail: resolve(outDir, 'gmail-thread-sidebar.png'),
    linkedin: resolve(outDir, 'linkedin-profile-sidebar.png'),
    dashboard: resolve(outDir, 'dashboard.png'),
    board: resolve(outDir, 'board.png'),
    record: resolve(outDir, 'record.png'),
    metrics: resolve(outDir, 'metrics.png'),
  };
  await gmail.screenshot({ path: shots.gmail });
  await linkedin.screenshot({ path: shots.linkedin });
  await dashboard.screenshot({ path: shots.dashboard });
  await board.screenshot({ path: shots.board });
  await record.screenshot({ path: shots.record, fullPage: true });
  await metrics.screenshot({ path: shots.metrics, fullPage: true });
  // `npm start -- --docs` also refreshes the README's images of the board, a record and the metrics page.
  if (process.argv.includes('--docs')) for (const name of ['board', 'record', 'metrics'] as const) copyFileSync(shots[name], resolve(`docs/screenshot-${name}.png`));
  await ext.close();
  console.log(`Touchline built (.output/chrome-mv3) and shown working on the demo pages, with a demo pipeline of ${people} people. Screenshots:`);
  for (const path of Object.values(shots)) console.log(`  ${path}`);
}
