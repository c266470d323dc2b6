import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { GMAIL_ORIGIN, LINKEDIN_ORIGIN } from '../hosts';
import { isUrlOn, SITE_ORIGINS } from './site-links';

// The rules themselves are zod-free (site-links.ts), for the home page's early paint.
export { isUrlOn, SITE_ORIGINS } from './site-links';

const hostList = (origins: readonly string[]) => origins.map((o) => new URL(o).host).join(' or ');

const urlOn = (origins: readonly string[], what: string) =>
  z
    .string()
    .max(2048)
    .refine((href) => isUrlOn(href, origins), { message: `${what} must be an https:// link on ${hostList(origins)}.` });

/** A page of one of the two sites: where a touch, task or capture happened. */
export const SitePageUrl = lazySchema(() => urlOn(SITE_ORIGINS, 'A page link'));
/** A LinkedIn profile, Sales Navigator lead or company page. */
export const LinkedInUrl = lazySchema(() => urlOn([LINKEDIN_ORIGIN], 'A LinkedIn link'));
/** A Gmail thread or message. */
export const GmailUrl = lazySchema(() => urlOn([GMAIL_ORIGIN], 'A Gmail link'));

/** `href` when it is a site page Touchline may open, else undefined (older rows, damaged data). */
export function safePageUrl(href: string | undefined): string | undefined {
  return href && isUrlOn(href, SITE_ORIGINS) ? href : undefined;
}
