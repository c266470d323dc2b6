import type { Stage } from './stage';

/** The default process, from shared/sales-process.md. Exit criteria are buyer-side facts, not seller effort. */
export const DEFAULT_STAGES: Stage[] = [
  {
    id: 'prospecting',
    name: 'Prospecting',
    kind: 'open',
    goal: 'Find people who fit the ideal customer profile',
    exitCriteria: [
      { id: 'fits-icp', label: 'Fits the ICP (industry, size, role)', auto: { kind: 'fit', min: 0.5 } },
      { id: 'reachable', label: 'A way to reach them is known', auto: { kind: 'reachable' } },
    ],
  },
  {
    id: 'qualification',
    name: 'Qualification',
    kind: 'open',
    goal: 'Decide who is worth the time',
    exitCriteria: [
      { id: 'need', label: 'Need confirmed or likely', auto: { kind: 'answer', questionId: 'need', states: ['partly', 'confirmed'] } },
      { id: 'authority', label: 'Authority or a path to it known', auto: { kind: 'answer', questionId: 'authority', states: ['partly', 'confirmed'] } },
      { id: 'not-disqualified', label: 'Not disqualified', auto: { kind: 'not-disqualified' } },
    ],
  },
  {
    id: 'approach',
    name: 'Approach',
    kind: 'open',
    goal: 'Open a conversation and secure a meeting',
    exitCriteria: [
      { id: 'replied', label: 'The prospect replied', auto: { kind: 'touch', direction: 'inbound' } },
      { id: 'meeting-booked', label: 'A discovery meeting is booked' },
    ],
  },
  {
    id: 'discovery',
    name: 'Discovery and presentation',
    kind: 'open',
    goal: 'Understand the problem and show a tailored solution',
    exitCriteria: [
      { id: 'pains-recorded', label: 'Pains and goals recorded' },
      { id: 'stakeholders-named', label: 'Stakeholders named' },
      { id: 'demo-held', label: 'Demo or presentation held', auto: { kind: 'touch', channels: ['meeting'] } },
    ],
  },
  {
    id: 'objections',
    name: 'Objection handling',
    kind: 'open',
    goal: 'Remove doubts and reduce perceived risk',
    exitCriteria: [{ id: 'objections-answered', label: 'Every raised objection has an accepted answer' }],
  },
  {
    id: 'closing',
    name: 'Closing',
    kind: 'open',
    goal: 'Reach an agreed decision',
    exitCriteria: [{ id: 'decision', label: 'Signed, or a loss reason recorded' }],
  },
  { id: 'won', name: 'Closed won', kind: 'won', exitCriteria: [] },
  { id: 'lost', name: 'Closed lost', kind: 'lost', exitCriteria: [] },
  {
    id: 'retention',
    name: 'Follow-up and retention',
    kind: 'retention',
    goal: 'Turn a buyer into a long-term customer',
    exitCriteria: [
      { id: 'onboarded', label: 'Onboarding done' },
      { id: 'checkin-cadence', label: 'A check-in cadence runs' },
    ],
  },
];

export const DEFAULT_LOSS_REASONS = ['Price', 'No budget', 'Chose a competitor', 'No decision / stalled', 'Bad timing', 'Not a fit'];
