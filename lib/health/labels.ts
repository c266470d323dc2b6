/** How the sidebar and the options page name each part an extractor expects (lib/sites health keys). */
const LABELS: Record<string, string> = {
  topCard: "this profile's top card",
  name: "this person's name",
  headline: "this person's headline",
  location: "this person's location",
  currentRole: "this person's current role",
  results: 'the people listed on this page',
  names: 'the names of the people listed',
  headlines: 'the headlines of the people listed',
  account: 'which account is signed in',
  subject: "this thread's subject",
  messages: "this thread's messages",
  senders: 'who sent these messages',
  rows: 'the conversations in this list',
};

export const partLabel = (part: string): string => LABELS[part] ?? part;
