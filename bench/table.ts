/** One line of `npm run bench`: what was measured, the figure, and the goal the issue set (if any). */
export interface BenchRow {
  suite: string;
  metric: string;
  value: string;
  goal?: string;
}

export function printTable(rows: BenchRow[]): void {
  const header: BenchRow = { suite: 'suite', metric: 'metric', value: 'value', goal: 'goal' };
  const all = [header, ...rows];
  const w = (k: keyof BenchRow) => Math.max(...all.map((r) => (r[k] ?? '').length));
  const widths = { suite: w('suite'), metric: w('metric'), value: w('value'), goal: w('goal') };
  const line = (r: BenchRow) =>
    `| ${r.suite.padEnd(widths.suite)} | ${r.metric.padEnd(widths.metric)} | ${r.value.padStart(widths.value)} | ${(r.goal ?? '').padEnd(widths.goal)} |`;
  console.log(line(header));
  console.log(`|${'-'.repeat(widths.suite + 2)}|${'-'.repeat(widths.metric + 2)}|${'-'.repeat(widths.value + 2)}|${'-'.repeat(widths.goal + 2)}|`);
  for (const r of rows) console.log(line(r));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
