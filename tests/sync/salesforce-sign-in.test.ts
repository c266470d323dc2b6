import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { virtualClock } from '../../lib/sync/clock';
import { readConnection } from '../../lib/sync/connection-store';
import { SalesforceToken } from '../../lib/sync/oauth';
import { signInSalesforce } from '../../lib/sync/salesforce-sign-in';
import { SalesforceFake } from './fakes/salesforce';
import { freshDb } from './harness';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

/**
 * The browser's identity window, played by the test: it checks what Touchline asks Salesforce's authorize
 * page for, then does what that page does once the rep signs in (a code bound to the PKCE challenge, sent
 * back to the redirect URL with the request's own state). `answer` lets a test change what comes back.
 */
function identityWindow(fake: SalesforceFake, answer: (params: URLSearchParams, code: string) => string | undefined = (p, code) => `${REDIRECT}?code=${code}&state=${p.get('state')}`) {
  const asked: URL[] = [];
  const identity = {
    getRedirectURL: () => REDIRECT,
    launchWebAuthFlow: vi.fn(async ({ url, interactive }: { url: string; interactive?: boolean }) => {
      expect(interactive).toBe(true);
      const u = new URL(url);
      asked.push(u);
      return answer(u.searchParams, fake.authorize(u.searchParams.get('code_challenge')!));
    }),
  };
  Object.assign(fakeBrowser, { identity });
  return { asked, identity };
}

describe('Salesforce sign-in (authorization code with PKCE through the identity window)', () => {
  let fake: SalesforceFake | undefined;
  beforeEach(() => {
    // The rep granted the org's host and the sign-in host when the options page asked.
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await fake?.server.close();
    // Every request sign-in and setup sent matched Salesforce's published definition.
    expect(fake?.violations ?? []).toEqual([]);
    fake = undefined;
  });

  it('asks for a code with an S256 challenge, exchanges it with the verifier (no secret), and saves a connection that syncs', async () => {
    fake = await new SalesforceFake(virtualClock()).start();
    const { asked } = identityWindow(fake);
    const db = freshDb();
    await signInSalesforce(db, { clientId: fake.clientId, loginUrl: fake.url, people: 'Lead' });

    expect(asked).toHaveLength(1);
    const params = asked[0]!.searchParams;
    expect(asked[0]!.pathname).toBe('/services/oauth2/authorize');
    expect(Object.fromEntries([...params].filter(([k]) => !['code_challenge', 'state'].includes(k)))).toEqual({
      response_type: 'code',
      client_id: fake.clientId,
      redirect_uri: REDIRECT,
      code_challenge_method: 'S256',
      scope: 'api refresh_token',
    });
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toBeTruthy();

    const conn = (await readConnection(db))!;
    expect(conn).toMatchObject({ crm: 'salesforce', baseUrl: fake.url, options: { salesforcePeople: 'Lead' } });
    const token = SalesforceToken.parse(JSON.parse(conn.token));
    expect(token).toEqual({ access_token: fake.accessToken, refresh_token: fake.refreshToken, client_id: fake.clientId, login_url: fake.url });
    expect(conn.token).not.toMatch(/secret/i);
    // The setup step ran on connect, as for every CRM: Leads and Tasks get their external-ID field.
    expect(conn.setup!.created).toEqual(['Lead', 'Task'].map((o) => `Salesforce ${o} field Touchline_Id__c (Text 64, External ID, Unique)`));
  });

  it('refuses an answer that is not for its own request (state), and saves nothing', async () => {
    fake = await new SalesforceFake(virtualClock()).start();
    identityWindow(fake, (_p, code) => `${REDIRECT}?code=${code}&state=someone-elses`);
    const db = freshDb();
    await expect(signInSalesforce(db, { clientId: fake.clientId, loginUrl: fake.url, people: 'Contact' })).rejects.toThrow('The sign-in answer does not match this request; try again.');
    expect(await readConnection(db)).toBeNull();
  });

  it('a code presented without the verifier it was issued for is refused by Salesforce, and the rep is told', async () => {
    fake = await new SalesforceFake(virtualClock()).start();
    // A code issued for another challenge: the verifier Touchline holds does not match it.
    identityWindow(fake, (p) => `${REDIRECT}?code=${fake!.authorize('another-challenge')}&state=${p.get('state')}`);
    const db = freshDb();
    await expect(signInSalesforce(db, { clientId: fake.clientId, loginUrl: fake.url, people: 'Contact' })).rejects.toThrow('Salesforce refused the sign-in (invalid code verifier).');
    expect(await readConnection(db)).toBeNull();
  });

  it('a window closed before the end, or an access_denied answer, says so and saves nothing', async () => {
    fake = await new SalesforceFake(virtualClock()).start();
    const db = freshDb();
    identityWindow(fake, () => undefined);
    await expect(signInSalesforce(db, { clientId: fake.clientId, loginUrl: fake.url, people: 'Contact' })).rejects.toThrow('Salesforce sign-in was closed before it finished.');
    identityWindow(fake, (p) => `${REDIRECT}?error=access_denied&error_description=end-user+denied+authorization&state=${p.get('state')}`);
    await expect(signInSalesforce(db, { clientId: fake.clientId, loginUrl: fake.url, people: 'Contact' })).rejects.toThrow('Salesforce did not sign you in: end-user denied authorization');
    expect(await readConnection(db)).toBeNull();
  });
});
