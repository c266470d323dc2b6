// Turns a "Report a page Touchline misreads" file into a dated fixture and its adapter test, in one step:
//   npm run report:fixture -- ~/Downloads/touchline-report-linkedin-profile-2026-12-01.html
// writes tests/fixtures/reports/<site>-<kind>-<date>.html, its .expected.json (the parts as the rep's page
// yielded them: edit the misread part to "found" once the adapter is fixed) and tests/sites/reports/<same>.test.ts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { reportMeta } from '../tests/sites/report-check';

export interface FixtureOptions {
  fixturesDir?: string;
  testsDir?: string;
}

export function reportToFixture(reportFile: string, opts: FixtureOptions = {}): { fixture: string; expected: string; test: string } {
  const root = resolve(import.meta.dirname, '..');
  const fixturesDir = opts.fixturesDir ?? join(root, 'tests/fixtures/reports');
  const testsDir = opts.testsDir ?? join(root, 'tests/sites/reports');
  const html = readFileSync(reportFile, 'utf8');
  const meta = reportMeta(html);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date) || !/^[a-z-]+$/.test(meta.kind)) throw new Error(`Unexpected report facts in ${basename(reportFile)}.`);
  mkdirSync(fixturesDir, { recursive: true });
  mkdirSync(testsDir, { recursive: true });
  let name = `${meta.site}-${meta.kind}-${meta.date}`;
  for (let n = 2; existsSync(join(fixturesDir, `${name}.html`)); n++) name = `${meta.site}-${meta.kind}-${meta.date}-${n}`;
  const fixture = join(fixturesDir, `${name}.html`);
  const expected = join(fixturesDir, `${name}.expected.json`);
  const test = join(testsDir, `${name}.test.ts`);
  copyFileSync(reportFile, fixture);
  writeFileSync(expected, JSON.stringify({ kind: meta.kind, health: meta.health }, null, 2) + '\n');
  const rel = (from: string, to: string) => relative(from, to).split('\\').join('/');
  writeFileSync(
    test,
    `import { describe } from 'vitest';
import { checkReport } from '${rel(testsDir, join(root, 'tests/sites/report-check'))}';

// A page a rep reported on ${meta.date} (${meta.site} ${meta.kind}), sanitized: structure only.
describe('${name}', () => checkReport(${JSON.stringify(rel(root, fixturesDir))}, '${name}.html'));
`,
  );
  return { fixture, expected, test };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: npm run report:fixture -- <touchline-report-….html>');
    process.exit(1);
  }
  const out = reportToFixture(file);
  console.log(`fixture: ${out.fixture}\nexpected: ${out.expected}\ntest: ${out.test}\nRun: npx vitest run ${out.test}`);
}
