import { SUITES } from './suites';
import { printTable, type BenchRow } from './table';

// `npm run bench [suite...]`: runs every suite (or the named ones) against the built extension and prints
// one table. Figures are measured on this machine each run; nothing here asserts a time.
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const suite of SUITES) {
  if (only.length && !only.includes(suite.name)) continue;
  process.stderr.write(`bench: ${suite.name}...\n`);
  rows.push(...(await suite.run()));
}
printTable(rows);
