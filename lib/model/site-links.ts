import { GMAIL_ORIGIN, LINKEDIN_ORIGIN } from '../hosts';
import type { TouchChannel } from './touch';

/**
 * The link rules without zod: the home page's early paint (components/home/early/) checks a touch's link
 * before zod and the model's schemas have loaded. urls.ts and touch.ts re-export these.
 */

/**
 * Links Touchline stores end up in an `href` (the popup's follow-ups) or `tabs.create` (a reminder's click),
 * so a stored link is only ever an https: page of the site it came from: no `javascript:`, `data:` or
 * look-alike host a page (or a crafted import) could slip in.
 */
export function isUrlOn(href: string, origins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && !url.username && !url.password && origins.includes(url.origin);
}

export const SITE_ORIGINS = [GMAIL_ORIGIN, LINKEDIN_ORIGIN] as const;

/** The one site a touch of this channel happened on (email on Gmail, LinkedIn's kinds on LinkedIn); others: either. */
export const CHANNEL_ORIGIN: Partial<Record<TouchChannel, string>> = {
  email: GMAIL_ORIGIN,
  'linkedin-message': LINKEDIN_ORIGIN,
  'linkedin-connection': LINKEDIN_ORIGIN,
  inmail: LINKEDIN_ORIGIN,
  'linkedin-engagement': LINKEDIN_ORIGIN,
};
