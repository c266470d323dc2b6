/**
 * Every Gmail selector Touchline uses, with the DOM it was seen in. Prefer attributes Gmail needs for
 * itself (`email`, `data-message-id`, `data-legacy-thread-id`, `role`, `name`) over generated class names;
 * where a class name is the only handle, the comment says so. tests/sites/gmail-selectors.test.ts runs each
 * one against every dated fixture and checks the count.
 */
export const GMAIL = {
  /** 2025-03: the account button's aria-label ends with "(address)"; the text before it is localized. */
  accountButton: ['header a[aria-label*="@"]', 'a[href^="https://accounts.google.com/SignOutOptions"][aria-label*="@"]'],
  main: '[role="main"]',
  /** 2025-03: thread subject heading carries both thread ids. */
  threadSubject: 'h2[data-legacy-thread-id], h2[data-thread-perm-id]',
  /** 2025-03: every message of the open thread, expanded or collapsed to its one-line summary. */
  message: '[data-message-id]',
  /** 2025-03: sender of an expanded message (class gD in the h3); 2026-11: collapsed summaries keep it in h3 too. */
  messageSender: 'h3 [email], .zF[email]',
  /** 2025-03: To/Cc recipients of an expanded message (class g2 inside .hb; absent while collapsed). */
  messageRecipients: '.hb [email]',
  messageTime: 'span[title][role="gridcell"], .g3[title]',
  /** 2025-03: the message body; quoted history sits in .gmail_quote inside it. */
  messageBody: '.a3s',
  quotedText: '.gmail_quote, blockquote',
  /** 2026-11: a collapsed summary's one-line snippet (class iA g6). */
  messageSnippet: '.iA.g6, .y2',
  /** 2026-11: "N more messages" pill of a long thread: those messages are not in the DOM at all (class adx). */
  hiddenMessageCount: '.kQ .adx',
  person: '[email]',

  /** 2025-03: compose windows: popups sit in `.dw` outside the main view; inline replies sit in main. */
  composeHosts: ['.dw', '[role="main"]'],
  /** 2025-03: every compose form has the subject box (inline replies keep it hidden). */
  composeSubject: 'input[name="subjectbox"]',
  /** The window around a compose form: the popup dialog, else the inline reply block (class M9), else the form. */
  composeRoot: ['[role="dialog"]', '.M9', 'form'],
  /** 2025-03 PeopleKit chips: one option per recipient, the address in data-hovercard-id, in a [name=to|cc|bcc] field. */
  composeChip: '[role="option"][data-hovercard-id]',
  composeField: '[name="to"], [name="cc"], [name="bcc"]',
  /** 2026-11 (older compose, still served to some accounts): hidden inputs hold "Name <addr>, addr" lists. */
  composeHiddenInput: 'input[name="to"], input[name="cc"], input[name="bcc"]',
  /** 2026-11 older compose chips (class vN) carry the address in `email`. */
  composeOldChip: '.vR [email]',
  /** The draft's message id; the sent message keeps it (#msg-a:r-...), so a touch logged on send dedupes later. */
  composeDraftId: 'input[name="draft"]',
  /** 2025-03: the editable body of a compose window. */
  composeBody: '[contenteditable="true"][role="textbox"]',
  /** 2025-03: the Send button (class aoO, the only handle that does not depend on the UI language). */
  composeSend: '.aoO[role="button"]',

  /** 2025-03: the fixed-position box of a compose popup (class AD), anchored to the window's right edge. */
  composePopupFixed: '.dw .AD',

  /** 2025-03, 2025-04 (real inbox): list rows (inbox, labels, search); tr.zA is Gmail's row class, the fallback. */
  listRow: 'tr[role="row"]',
  listRowFallback: 'tr.zA',
  /** 2025-04: the subject's span carries data-thread-id (#thread-f:<decimal>) and data-legacy-thread-id (hex). */
  listRowThread: '[data-legacy-thread-id]',
  /** 2025-03: the senders cell of a row (class yW, truncated by Gmail); chips go beside the sender's name. */
  listRowSenders: '.yW',
} as const;
