import { GMAIL_ORIGIN, LINKEDIN_ORIGIN } from '../hosts';
import type { TouchChannel } from '../model';

const LINKEDIN_CHANNELS: readonly TouchChannel[] = ['linkedin-message', 'linkedin-connection', 'inmail', 'linkedin-engagement'];

/** Where a touch of this channel may link back to: email to Gmail, LinkedIn's kinds to LinkedIn, others to either. */
function originsFor(channel: TouchChannel | undefined): readonly string[] {
  if (channel === 'email') return [GMAIL_ORIGIN];
  if (channel && LINKEDIN_CHANNELS.includes(channel)) return [LINKEDIN_ORIGIN];
  return [GMAIL_ORIGIN, LINKEDIN_ORIGIN];
}

/**
 * The link back to where a touch happened, or undefined. A stored URL came from a page (or an import, or a
 * restored backup), so only https on the site's own host reaches an href: never javascript:, data:, another
 * host or a look-alike (mail.google.com.evil.example). The URL is returned as the parser wrote it.
 */
export function siteLink(url: string | undefined, channel?: TouchChannel): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return undefined;
  return originsFor(channel).includes(parsed.origin) ? parsed.href : undefined;
}

/** What the link says: "Open in Gmail" or "Open on LinkedIn". */
export function siteLinkLabel(href: string): string {
  return new URL(href).origin === GMAIL_ORIGIN ? 'Open in Gmail' : 'Open on LinkedIn';
}
