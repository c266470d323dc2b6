import { GMAIL_ORIGIN } from '../hosts';
import type { TouchChannel } from '../model/touch';
import { CHANNEL_ORIGIN, isUrlOn, SITE_ORIGINS } from '../model/site-links';

/**
 * The link back to where a touch happened, or undefined. Stored links are checked when written
 * (lib/model/urls.ts), but a row may predate that check or come from a damaged backup, so the same rule
 * runs again before anything reaches an href: https on the channel's own site (either site for a note or a
 * call), never javascript:, data:, another host or a look-alike. The URL is returned as the parser wrote it.
 */
export function siteLink(url: string | undefined, channel?: TouchChannel): string | undefined {
  if (!url) return undefined;
  const site = channel && CHANNEL_ORIGIN[channel];
  return isUrlOn(url, site ? [site] : SITE_ORIGINS) ? new URL(url).href : undefined;
}

/** What the link says: "Open in Gmail" or "Open on LinkedIn". */
export function siteLinkLabel(href: string): string {
  return new URL(href).origin === GMAIL_ORIGIN ? 'Open in Gmail' : 'Open on LinkedIn';
}
