import type { NewTouch, Prospect } from '../model';
import type { GmailMessage } from '../sites/gmail/types';

/**
 * The source id of an email touch: Gmail's message id plus the prospect, because one message to two
 * prospects is a touch for each, and the store keeps one touch per source id.
 */
export function emailSourceId(messageId: string, prospectId: string): string {
  return `${messageId}|${prospectId}`;
}

export function messageIdOfSource(sourceId: string | undefined): string | undefined {
  return sourceId?.split('|')[0];
}

export interface EmailContext {
  subject: string;
  url: string;
  /** Known prospects by lower-cased email. */
  prospects: Map<string, Prospect>;
  /** Used when a collapsed outbound message does not show its recipients: the thread's known prospects. */
  threadProspects: Prospect[];
  now?: number;
}

/** The prospects a message touched: the sender of inbound mail (and known people copied), the recipients of outbound mail. */
export function prospectsOfMessage(m: GmailMessage, ctx: EmailContext): Prospect[] {
  const out = new Map<string, Prospect>();
  const addr = m.direction === 'inbound' ? [m.from, ...m.to, ...m.cc] : [...m.to, ...m.cc];
  for (const a of addr) {
    const p = a.external ? ctx.prospects.get(a.email) : undefined;
    if (p) out.set(p.id, p);
  }
  if (m.direction === 'outbound' && m.collapsed && out.size === 0) for (const p of ctx.threadProspects) out.set(p.id, p);
  return [...out.values()];
}

/** One email touch per prospect the message touched, carrying only what the settings allow (snippet). */
export function emailTouches(m: GmailMessage, ctx: EmailContext): NewTouch[] {
  return prospectsOfMessage(m, ctx).map((p) => ({
    prospectId: p.id,
    channel: 'email',
    direction: m.direction,
    at: m.at ?? ctx.now ?? Date.now(),
    subject: ctx.subject.slice(0, 1000) || undefined,
    summary: m.snippet || undefined,
    sourceId: emailSourceId(m.id, p.id),
    url: ctx.url.slice(0, 2048),
  }));
}
