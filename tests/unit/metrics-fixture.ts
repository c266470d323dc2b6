import type { MetricStage, ProspectFacts } from '@/lib/metrics';
import type { StageChange, Touch } from '@/lib/model';
import { fromLocal } from '@/lib/process/time-zone';

// Hand-computed fixture: Europe/Berlin, the week 2026-03-23..29, which ends on the day clocks spring forward
// (29 March, 02:00 -> 03:00). Every expected figure below is worked out in the comments.
export const TZ = 'Europe/Berlin';
const at = (day: number, hour: number, minute = 0) => fromLocal({ year: 2026, month: 3, day, hour, minute, second: 0 }, TZ);
export const period = { from: { year: 2026, month: 3, day: 23 }, to: { year: 2026, month: 3, day: 29 } };

export const STAGES: MetricStage[] = [
  { id: 'lead', name: 'Lead', kind: 'open' },
  // Renamed in settings: history recorded it as "Conversation"; the metrics show the current name.
  { id: 'talk', name: 'Talking', kind: 'open', winProbability: 60 },
  { id: 'close', name: 'Closing', kind: 'open' },
  { id: 'won', name: 'Won', kind: 'won' },
  { id: 'lost', name: 'Lost', kind: 'lost' },
];
const NAMES: Record<string, string> = { lead: 'Lead', talk: 'Conversation', close: 'Closing', won: 'Won', lost: 'Lost' };

let n = 0;
const change = (prospectId: string, to: string, when: number): StageChange => ({
  id: `c${n++}`, prospectId, from: null, fromName: null, to, toName: NAMES[to]!, at: when,
});
const touch = (prospectId: string, channel: Touch['channel'], when: number) => ({ prospectId, channel, at: when });

export const prospects = new Map<string, ProspectFacts>([
  ['A', { id: 'A', site: 'gmail', dealValue: 1000 }],
  ['B', { id: 'B', site: 'gmail', dealValue: 500 }],
  ['C', { id: 'C', site: 'linkedin', dealValue: 2000 }],
  ['D', { id: 'D', site: 'gmail' }],
  ['E', { id: 'E', site: 'import', dealValue: 300 }],
  ['F', { id: 'F', site: 'manual' }],
]);
export const changes = [
  // A moves back (talk -> lead) and on, won on the 27th.
  change('A', 'lead', at(20, 10)), change('A', 'talk', at(23, 10)), change('A', 'lead', at(24, 10)),
  change('A', 'talk', at(25, 10)), change('A', 'close', at(26, 10)), change('A', 'won', at(27, 10)),
  change('B', 'lead', at(23, 9)), change('B', 'talk', at(24, 9)), change('B', 'lost', at(26, 9)),
  // C reaches talk at 23:30 on the DST day: inside the period (it ends at local midnight, 22:00 UTC).
  change('C', 'lead', at(23, 12)), change('C', 'talk', at(29, 23, 30)),
  // D: both changes fall just outside the period (23:30 the night before; 00:30 the morning after).
  change('D', 'lead', at(22, 23, 30)), change('D', 'close', at(30, 0, 30)),
  // E skips talk.
  change('E', 'lead', at(25, 8)), change('E', 'close', at(26, 8)), change('E', 'won', at(28, 8)),
  change('F', 'lead', at(27, 10)),
];
export const touchRows = [
  touch('A', 'email', at(19, 9)), touch('A', 'email', at(23, 11)), touch('A', 'call', at(26, 15)), touch('A', 'email', at(28, 10)),
  touch('E', 'linkedin-message', at(24, 10)), touch('E', 'call', at(28, 8)),
  touch('C', 'linkedin-message', at(29, 23, 30)), touch('C', 'linkedin-message', at(30, 0, 30)),
  touch('B', 'email', at(22, 23, 59)), touch('B', 'email', at(23, 0)),
];

