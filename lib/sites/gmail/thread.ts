import { addressOf, uniqueAddresses } from './address';
import { isOwnSide, type Audience } from './people';
import { GMAIL } from './selectors';
import { parseSignature } from './signature';
import { tailLines, textLines } from './text';
import { parseGmailTime } from './time';
import type { GmailAddress, GmailDetails, GmailMessage, SignatureProposal } from './types';

export interface ThreadOptions {
  /** How many body characters to keep per message (0 = none: no body text leaves the page). */
  bodyChars: number;
}

/**
 * To, Cc and Bcc of an expanded message, split on the colon-ended field labels between the chips
 * ("to me, Li Wei, cc: Dana Ko"). The words are localized; the colon is not (some locales use U+FF1A).
 */
function recipients(msg: Element, who: Audience): { to: GmailAddress[]; cc: GmailAddress[] } {
  const fields: GmailAddress[][] = [[], [], []];
  let field = 0;
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (/[:\uff1a]/.test(child.nodeValue ?? '')) field = Math.min(field + 1, 2);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.hasAttribute('email')) {
          const a = addressOf(el, who);
          if (a) fields[field]!.push(a);
        } else visit(el);
      }
    }
  };
  const hb = msg.querySelector('.hb');
  if (hb) visit(hb);
  return { to: uniqueAddresses(fields[0]!), cc: uniqueAddresses([...fields[1]!, ...fields[2]!]) };
}

/** parseSignature looks at the last 12 lines of the sender's own text. */
const SIGNATURE_LINES = 12;

// Message bodies do not change once shown: their signature is parsed once per message id.
const signatureCache = new Map<string, SignatureProposal | null>();

function signatureOf(id: string, body: Element, from: GmailAddress): SignatureProposal | null {
  const key = `${id}|${from.email}`;
  if (!signatureCache.has(key)) {
    if (signatureCache.size > 500) signatureCache.clear();
    signatureCache.set(key, parseSignature(tailLines(body, GMAIL.quotedText, SIGNATURE_LINES), from.email, from.name));
  }
  return signatureCache.get(key) ?? null;
}

function readMessage(el: Element, who: Audience, opts: ThreadOptions) {
  const id = el.getAttribute('data-message-id');
  const senderEl = el.querySelector(GMAIL.messageSender);
  const from = senderEl ? addressOf(senderEl, who) : null;
  if (!id || !from) return null;
  const body = el.querySelector(GMAIL.messageBody);
  const collapsed = !body;
  const { to, cc } = collapsed ? { to: [], cc: [] } : recipients(el, who);
  const message: GmailMessage = {
    id,
    from,
    to,
    cc,
    direction: isOwnSide(from.email, who) ? 'outbound' : 'inbound',
    at: parseGmailTime(el.querySelector(GMAIL.messageTime)?.getAttribute('title')),
    collapsed,
  };
  if (opts.bodyChars > 0) {
    const text = body
      ? textLines(body, GMAIL.quotedText).join('\n')
      : (el.querySelector(GMAIL.messageSnippet)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) message.snippet = text.slice(0, opts.bodyChars);
  }
  const signature = body && from.external ? signatureOf(id, body, from) : null;
  return { message, signature };
}

/** The open thread in `main`: subject, ids, every message in the DOM and how many Gmail folded away. */
export function readThread(main: Element, who: Audience, opts: ThreadOptions): { thread: GmailDetails['thread']; signatures: SignatureProposal[] } {
  const subjectEl = main.querySelector(GMAIL.threadSubject);
  const messages: GmailMessage[] = [];
  const signatures = new Map<string, SignatureProposal>();
  for (const el of main.querySelectorAll(GMAIL.message)) {
    const read = readMessage(el, who, opts);
    if (!read) continue;
    messages.push(read.message);
    // The latest message's signature wins: people change titles.
    if (read.signature) signatures.set(read.signature.email, read.signature);
  }
  if (!subjectEl && messages.length === 0) return { thread: undefined, signatures: [] };
  const pill = main.querySelector(GMAIL.hiddenMessageCount)?.textContent?.trim() ?? '';
  return {
    thread: {
      subject: subjectEl?.textContent?.trim() ?? '',
      legacyThreadId: subjectEl?.getAttribute('data-legacy-thread-id') ?? undefined,
      permThreadId: subjectEl?.getAttribute('data-thread-perm-id') ?? undefined,
      messages,
      hiddenCount: /^\d+$/.test(pill) ? Number(pill) : 0,
    },
    signatures: [...signatures.values()],
  };
}
