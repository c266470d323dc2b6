/**
 * Every Gmail selector Touchline uses, with the DOM it was seen in. Prefer attributes Gmail needs for
 * itself (`email`, `data-message-id`, `data-legacy-thread-id`, `role`) over generated class names.
 */
export const GMAIL = {
  /** 2025-03: the account button's aria-label ends with "(address)"; the text before it is localized. */
  accountButton: ['header a[aria-label*="@"]', 'a[href^="https://accounts.google.com/SignOutOptions"][aria-label*="@"]'],
  main: '[role="main"]',
  /** 2025-03: thread subject heading carries both thread ids. */
  threadSubject: 'h2[data-legacy-thread-id], h2[data-thread-perm-id]',
  message: '[data-message-id]',
  /** 2025-03: sender of an expanded message (class gD) in the message header. */
  messageSender: 'h3 [email]',
  /** 2025-03: To/Cc recipients of an expanded message (class g2 inside .hb). */
  messageRecipients: '.hb [email]',
  messageTime: 'span[title][role="gridcell"], .g3[title]',
  person: '[email]',
} as const;
