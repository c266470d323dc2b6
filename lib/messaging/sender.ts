import { CONTENT_ORIGINS } from '../hosts';
import type { Audience } from './define';

/** The facts the browser stamps on a message's sender (a subset of runtime.MessageSender). */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

function originOf(sender: SenderFacts): string | undefined {
  if (sender.origin && sender.origin !== 'null') return sender.origin;
  try {
    return sender.url ? new URL(sender.url).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decides from what the browser says about the sender, never from what the message claims, whether it may
 * make a request: our own extension pages always; our content scripts only on Gmail and LinkedIn and only
 * for `content` requests.
 */
export function senderAllowed(sender: SenderFacts, audience: Audience, extensionId: string, extensionOrigin: string): boolean {
  if (sender.id !== extensionId) return false;
  const origin = originOf(sender);
  if (!origin) return false;
  if (origin === extensionOrigin) return true;
  return audience === 'content' && sender.tab !== undefined && CONTENT_ORIGINS.includes(origin);
}
