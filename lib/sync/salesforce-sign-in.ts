import { browser } from 'wxt/browser';
import type { TouchlineDb } from '../db/database';
import { UserError } from '../store/errors';
import { saveConnection } from './background';
import { authorizeUrl, codeFrom, exchangeCode, pkcePair } from './oauth';

/**
 * Signs in to Salesforce through the browser's identity window (authorization code + PKCE, no client secret)
 * and saves the connection: its setup step runs as for every CRM.
 */
export async function signInSalesforce(db: TouchlineDb, input: { clientId: string; loginUrl: string; people: 'Lead' | 'Contact' }) {
  const redirectUri = browser.identity.getRedirectURL();
  const { verifier, challenge } = await pkcePair();
  const state = crypto.randomUUID();
  let redirected: string | undefined;
  try {
    redirected = await browser.identity.launchWebAuthFlow({ url: authorizeUrl(input.loginUrl, input.clientId, redirectUri, challenge, state), interactive: true });
  } catch (err) {
    throw new UserError('invalid', `Salesforce sign-in did not finish (${(err as Error).message}).`);
  }
  if (!redirected) throw new UserError('invalid', 'Salesforce sign-in was closed before it finished.');
  try {
    const code = codeFrom(redirected, state);
    const { token, instanceUrl } = await exchangeCode((u, i) => fetch(u, i), input.loginUrl, input.clientId, redirectUri, code, verifier);
    return await saveConnection(db, { crm: 'salesforce', baseUrl: instanceUrl, token: JSON.stringify(token), options: { salesforcePeople: input.people } });
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError('invalid', (err as Error).message);
  }
}
