import { browser } from 'wxt/browser';
import { originPattern, type Connection } from './connection';
import { SalesforceToken } from './oauth';

/** Salesforce orgs live on their own subdomain; the options page asks for all of them at sign-in. */
export const SALESFORCE_INSTANCES = 'https://*.my.salesforce.com/*';

function salesforceLogin(conn: Connection): string | undefined {
  try {
    const token = SalesforceToken.safeParse(JSON.parse(conn.token));
    return token.success ? originPattern('salesforce', token.data.login_url) : undefined;
  } catch {
    return undefined;
  }
}

/** Every origin a connection's requests (and so its token) go to, as match patterns. */
export function tokenOrigins(conn: Pick<Connection, 'crm' | 'baseUrl' | 'token'>): string[] {
  const origins = new Set([originPattern(conn.crm, conn.baseUrl)]);
  if (conn.crm === 'salesforce') {
    const login = salesforceLogin(conn as Connection);
    if (login) origins.add(login);
  }
  return [...origins];
}

/**
 * The first origin the token goes to that is not granted now, or undefined when all are. A rep can withdraw a
 * host at chrome://extensions at any time; the token is never sent to an origin they took back.
 */
export async function hostAccessDenied(conn: Pick<Connection, 'crm' | 'baseUrl' | 'token'>): Promise<string | undefined> {
  for (const origin of tokenOrigins(conn)) {
    if (!(await browser.permissions.contains({ origins: [origin] }).catch(() => false))) return origin;
  }
  return undefined;
}

/** Disconnecting gives back what connecting was granted: the CRM's origins (and Salesforce's sign-in window). */
export async function releaseHostAccess(conn: Connection): Promise<void> {
  const origins = tokenOrigins(conn);
  if (conn.crm === 'salesforce') origins.push(SALESFORCE_INSTANCES);
  // One at a time: a pattern the rep already withdrew must not keep the others granted.
  for (const origin of origins) await browser.permissions.remove({ origins: [origin] }).catch((err) => console.error('[touchline] could not give back', origin, err));
  if (conn.crm === 'salesforce') await browser.permissions.remove({ permissions: ['identity'] }).catch(() => undefined);
}
