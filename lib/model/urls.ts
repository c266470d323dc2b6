import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { GMAIL_ORIGIN, LINKEDIN_ORIGIN } from '../hosts';

/**
 * Links Touchline stores end up in an `href` (the popup's follow-ups) or `tabs.create` (a reminder's click),
 * so a stored link is only ever an https: page of the site it came from: no `javascript:`, `data:` or
 * look-alike host a page (or a crafted import) could slip in. Checked by zod where rows are written, and
 * again where a link is opened (`safePageUrl`) for rows stored before the check existed.
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

const hostList = (origins: readonly string[]) => origins.map((o) => new URL(o).host).join(' or ');

const urlOn = (origins: readonly string[], what: string) =>
  z
    .string()
    .max(2048)
    .refine((href) => isUrlOn(href, origins), { message: `${what} must be an https:// link on ${hostList(origins)}.` });

export const SITE_ORIGINS = [GMAIL_ORIGIN, LINKEDIN_ORIGIN] as const;

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
