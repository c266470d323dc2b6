import type { BenchRow } from '../table';
import { foundation } from './foundation';
import { processSuite } from './process';
import { gmail } from './gmail';
import { linkedin } from './linkedin';
import { sync } from './sync';
import { dataSuite } from './data';

/** Every suite `npm run bench` runs, in order. Each issue adds its own file here. */
export const SUITES: Array<{ name: string; run: () => Promise<BenchRow[]> }> = [
  { name: 'foundation', run: foundation },
  { name: 'process', run: processSuite },
  { name: 'gmail', run: gmail },
  { name: 'linkedin', run: linkedin },
  { name: 'sync', run: sync },
  { name: 'data', run: dataSuite },
];
