// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { GMAIL } from '@/lib/sites/gmail/selectors';
import { loadFixture } from './gmail-load';

type Key = Exclude<keyof typeof GMAIL, 'composeRoot'>;

/**
 * Every selector against every dated fixture: how many elements it must match. A Gmail change that breaks a
 * selector shows here first, with the fixture it was seen in. (composeRoot is a closest() chain, not a query.)
 */
const EXPECTED: Record<string, Record<Key, number>> = {
  'gmail/thread-2025-03.html': {
    accountButton: 1, main: 1, threadSubject: 1, message: 2, messageSender: 2, messageRecipients: 5, messageTime: 2,
    messageBody: 2, quotedText: 0, messageSnippet: 0, hiddenMessageCount: 0, person: 7, composeHosts: 1, composeSubject: 0,
    composeChip: 0, composeField: 0, composeHiddenInput: 0, composeOldChip: 0, composeDraftId: 0, composeBody: 0, composeSend: 0,
    composePopupFixed: 0, listRow: 0, listRowFallback: 0, listRowThread: 1, listRowSenders: 0,
  },
  'gmail/inbox-compose-2025-03.html': {
    accountButton: 1, main: 1, threadSubject: 0, message: 0, messageSender: 1, messageRecipients: 0, messageTime: 0,
    messageBody: 0, quotedText: 0, messageSnippet: 1, hiddenMessageCount: 0, person: 4, composeHosts: 2, composeSubject: 1,
    composeChip: 3, composeField: 2, composeHiddenInput: 0, composeOldChip: 0, composeDraftId: 0, composeBody: 1, composeSend: 1,
    composePopupFixed: 1, listRow: 3, listRowFallback: 3, listRowThread: 3, listRowSenders: 3,
  },
  'gmail/thread-many-2026-11.html': {
    accountButton: 1, main: 1, threadSubject: 1, message: 8, messageSender: 8, messageRecipients: 13, messageTime: 8,
    messageBody: 4, quotedText: 2, messageSnippet: 4, hiddenMessageCount: 1, person: 24, composeHosts: 2, composeSubject: 2,
    composeChip: 4, composeField: 6, composeHiddenInput: 3, composeOldChip: 3, composeDraftId: 2, composeBody: 2, composeSend: 2,
    composePopupFixed: 1, listRow: 0, listRowFallback: 0, listRowThread: 1, listRowSenders: 0,
  },
};

describe.each(Object.entries(EXPECTED))('%s', (file, counts) => {
  const doc = loadFixture(file);
  it.each(Object.entries(counts))('%s matches %i', (key, count) => {
    const selector = GMAIL[key as Key];
    const list: readonly string[] = typeof selector === 'string' ? [selector] : selector;
    expect(list.reduce((n, s) => n + doc.querySelectorAll(s).length, 0)).toBe(count);
  });
});

it('lists every selector in every fixture', () => {
  const keys = Object.keys(GMAIL).filter((k) => k !== 'composeRoot').sort();
  for (const counts of Object.values(EXPECTED)) expect(Object.keys(counts).sort()).toEqual(keys);
});
