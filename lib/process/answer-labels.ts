// Kept free of zod: the sidebar (a content script) imports it, and content scripts stay small.
export const ANSWER_LABELS = {
  unknown: 'Unknown',
  partly: 'Partly',
  confirmed: 'Confirmed',
  disqualifying: 'Disqualifying',
} as const;
export const ANSWER_STATES = Object.keys(ANSWER_LABELS) as Array<keyof typeof ANSWER_LABELS>;
