import type { DetectedConversation, DetectedMessage, DetectedPerson } from '../types';
import { text } from './dom';
import { LINKEDIN } from './selectors';
import { canonicalProfileUrl } from './url';
import { memberUrnFromHref } from './member';
import { messageTime } from './message-time';

function participant(root: Element, linkSel: string, titleSel: string, headlineSel: string): DetectedPerson | undefined {
  const href = root.querySelector(linkSel)?.getAttribute('href');
  const linkedinUrl = href ? canonicalProfileUrl(href) : null;
  if (!linkedinUrl) return undefined;
  // 2025: the profile link may be /in/ACoAA... (a member URN); the prospect is keyed by it until the vanity URL is seen.
  const memberUrn = memberUrnFromHref(href!);
  return {
    key: linkedinUrl,
    name: text(root.querySelector(titleSel)) ?? null,
    emails: [],
    linkedinUrl,
    headline: text(root.querySelector(headlineSel)),
    ...(memberUrn ? { memberUrns: [memberUrn] } : {}),
  };
}

/**
 * The messages of one conversation, in page order. Direction is relative to the user: a message whose author
 * link is the other participant is inbound, any other author is the user. LinkedIn shows the author and the
 * clock only on the first message of a group, so later ones inherit them.
 */
export function readMessages(root: Element, other: string, now = Date.now()): DetectedMessage[] {
  const out: DetectedMessage[] = [];
  let author: string | undefined;
  let day: string | undefined;
  let clock: string | undefined;
  // Day headings sit beside message events, so walk both in document order.
  for (const el of root.querySelectorAll(`${LINKEDIN.messageDayHeading}, ${LINKEDIN.messageEvent}`)) {
    if (!el.hasAttribute('data-event-urn')) {
      day = el.getAttribute('datetime') ?? text(el);
      continue;
    }
    const id = el.getAttribute('data-event-urn');
    if (!id) continue;
    const href = el.querySelector(LINKEDIN.messageAuthorLink)?.getAttribute('href');
    const linkAuthor = href ? canonicalProfileUrl(href) : null;
    if (linkAuthor) author = linkAuthor;
    const timeEl = el.querySelector(LINKEDIN.messageTime);
    if (timeEl) clock = timeEl.getAttribute('datetime') ?? text(timeEl);
    const direction: DetectedMessage['direction'] = author ? (author === other ? 'inbound' : 'outbound') : 'inbound';
    out.push({
      id,
      from: direction === 'inbound' ? other : (author ?? ''),
      direction,
      at: messageTime(day, clock, now),
      text: text(el.querySelector(LINKEDIN.messageBody)),
    });
  }
  return out;
}

function threadIdFromUrl(url: string): string | undefined {
  return new URL(url).pathname.match(/^\/messaging\/thread\/([^/]+)/)?.[1];
}

/** The open thread on /messaging/thread/<id>/. */
export function extractThread(doc: Document, url: string, now = Date.now()): DetectedConversation | undefined {
  const thread = doc.querySelector(LINKEDIN.messagingThread);
  if (!thread) return undefined;
  const other = participant(thread, LINKEDIN.messagingProfileLink, LINKEDIN.messagingTitle, LINKEDIN.messagingHeadline);
  if (!other) return undefined;
  const messages = readMessages(thread, other.key, now);
  return { id: threadIdFromUrl(url) ?? messages[0]?.id ?? other.key, overlay: false, with: other, messages };
}

/** Chat bubbles docked on any page (they never change the URL). Group chats without a profile link are skipped. */
export function extractOverlays(doc: Document, now = Date.now()): DetectedConversation[] {
  const out: DetectedConversation[] = [];
  for (const bubble of doc.querySelectorAll(LINKEDIN.overlayBubble)) {
    const other = participant(bubble, LINKEDIN.overlayProfileLink, LINKEDIN.overlayTitle, LINKEDIN.overlayHeadline);
    if (!other) continue;
    const threadHref = bubble.querySelector('a[href*="/messaging/thread/"]')?.getAttribute('href');
    const threadId = threadHref ? threadIdFromUrl(new URL(threadHref, 'https://www.linkedin.com').href) : undefined;
    const messages = readMessages(bubble, other.key, now);
    out.push({ id: threadId ?? other.key, overlay: true, with: other, messages });
  }
  return out;
}
