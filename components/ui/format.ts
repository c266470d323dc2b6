const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function formatDateTime(ms: number): string {
  return dateTime.format(ms);
}

export function formatDate(ms: number): string {
  return date.format(ms);
}

export const CHANNEL_LABELS: Record<string, string> = {
  email: 'Email',
  'linkedin-message': 'LinkedIn message',
  'linkedin-connection': 'Connection request',
  inmail: 'InMail',
  call: 'Call',
  meeting: 'Meeting',
  note: 'Note',
  'linkedin-engagement': 'Comment or reaction',
};
