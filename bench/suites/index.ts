import type { BenchRow } from '../table';

/**
 * Every suite `npm run bench` runs, in order. Each issue adds its own file here. Suites load only when
 * they run, so `bench/run.ts gmail` does not evaluate (or depend on) the others.
 */
export const SUITES: Array<{ name: string; run: () => Promise<BenchRow[]> }> = [
  { name: 'foundation', run: async () => (await import('./foundation')).foundation() },
  { name: 'process', run: async () => (await import('./process')).processSuite() },
  { name: 'gmail', run: async () => (await import('./gmail')).gmail() },
  { name: 'linkedin', run: async () => (await import('./linkedin')).linkedin() },
  { name: 'sync', run: async () => (await import('./sync')).sync() },
  { name: 'detection', run: async () => (await import('./detection')).detection() },
  { name: 'metrics', run: async () => (await import('./metrics')).metricsSuite() },
  { name: 'data', run: async () => (await import('./data')).dataSuite() },
  { name: 'board', run: async () => (await import('./board')).boardSuite() },
  { name: 'home-list', run: async () => (await import('./home-list')).homeList() },
  { name: 'record', run: async () => (await import('./record')).recordSuite() },
];
