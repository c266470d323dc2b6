import { SUITES } from './suites';
import { printTable, type BenchRow } from './table';

// `npm run bench [suite...]`: runs every suite (or the named ones) against the built extension and prints
// one table. Figures are measured on this machine each run; nothing here asserts a time.
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const suite of SUITES) {
  if (only.length && !only.includes(suite.name)) continue;
  process.stderr.write(`bench: ${suite.name}...\n`);
  const suiteRows = await suite.run();
  rows.push(...suiteRows);
  // Each suite's rows as soon as it ends (a long run cut short still leaves what it measured).
  process.stderr.write(`bench: ${suite.name} done\n${suiteRows.map((r) => `  ${r.metric}: ${r.value}${r.goal ? ` (goal ${r.goal})` : ''}`).join('\n')}\n`);
}
printTable(rows);
