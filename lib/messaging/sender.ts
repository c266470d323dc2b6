import { GMAIL_ORIGIN, LINKEDIN_ORIGIN } from '../hosts';
import type { Scope } from './define';

/** The facts the browser stamps on a message's sender (a subset of runtime.MessageSender). */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number } | unknown;
  frameId?: number;
}

function originOf(sender: SenderFacts): string | undefined {
  if (sender.origin && sender.origin !== 'null') return sender.origin;
  try {
    return sender.url ? new URL(sender.url).origin : undefined;
  } catch {
    return undefined;
  }
}

const SITE_SCOPES: Record<string, Scope> = { [GMAIL_ORIGIN]: 'gmail', [LINKEDIN_ORIGIN]: 'linkedin' };

/**
 * Who the sender is, from what the browser says about it: our own extension pages, or our content script on
 * Gmail or LinkedIn in a tab's top frame (the only place the manifest runs it). Anything else is nobody.
 */
export function senderScope(sender: SenderFacts, extensionId: string, extensionOrigin: string): Scope | null {
  if (sender.id !== extensionId) return null;
  const origin = originOf(sender);
  if (!origin) return null;
  if (origin === extensionOrigin) return 'extension';
  const site = SITE_SCOPES[origin];
  if (!site || !sender.tab || typeof (sender.tab as { id?: unknown }).id !== 'number' || sender.frameId !== 0) return null;
  return site;
}

/** The tab a content script sends from (undefined for extension pages). */
export function senderTab(sender: SenderFacts): number | undefined {
  const id = (sender.tab as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' ? id : undefined;
}
