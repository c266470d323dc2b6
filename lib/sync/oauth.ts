import { z } from 'zod';
import { lazySchema } from '../model/lazy-schema';
import { SyncError } from './errors';
import type { CrmHttp, Fetch } from './http';

/**
 * OAuth 2.0 authorization code flow with PKCE (RFC 7636) for Salesforce: the extension holds no client
 * secret. The team's admin makes a connected app with PKCE required, no secret for the web server flow, the
 * scopes `api refresh_token`, and the callback `browser.identity.getRedirectURL()`; the rep pastes its consumer
 * key. The browser's identity API shows Salesforce's own sign-in page and hands back the code.
 */

/** What Touchline keeps as the Salesforce "token" (one JSON string in the connection's token slot). */
export const SalesforceToken = lazySchema(() =>
  z.object({
    access_token: z.string().min(1),
    refresh_token: z.string().optional(),
    client_id: z.string().min(1),
    login_url: z.string().url(),
  }),
);
export type SalesforceToken = z.infer<typeof SalesforceToken>;

const TokenAnswer = lazySchema(() =>
  z.object({ access_token: z.string().min(1), refresh_token: z.string().optional(), instance_url: z.string().url(), token_type: z.string().optional() }).loose(),
);
const OAuthError = lazySchema(() => z.object({ error: z.string(), error_description: z.string().optional() }).loose());

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A fresh verifier (43-128 unreserved characters) and its S256 challenge. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(48)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

export function authorizeUrl(loginUrl: string, clientId: string, redirectUri: string, challenge: string, state: string): string {
  const u = new URL('/services/oauth2/authorize', loginUrl);
  u.search = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', scope: 'api refresh_token', state }).toString();
  return u.toString();
}

/** The code from the redirect, after checking it answers our own request (`state`). */
export function codeFrom(redirected: string, state: string): string {
  const u = new URL(redirected);
  const error = u.searchParams.get('error');
  if (error) throw new Error(`Salesforce did not sign you in: ${u.searchParams.get('error_description') ?? error}`);
  if (u.searchParams.get('state') !== state) throw new Error('The sign-in answer does not match this request; try again.');
  const code = u.searchParams.get('code');
  if (!code) throw new Error('Salesforce sent no authorization code.');
  return code;
}

export async function exchangeCode(fetch: Fetch, loginUrl: string, clientId: string, redirectUri: string, code: string, verifier: string): Promise<{ token: SalesforceToken; instanceUrl: string }> {
  const res = await fetch(new URL('/services/oauth2/token', loginUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: redirectUri, code_verifier: verifier }).toString(),
  });
  const body: unknown = await res.json().catch(() => undefined);
  const ok = TokenAnswer.safeParse(body);
  if (!res.ok || !ok.success) {
    const e = OAuthError.safeParse(body);
    throw new Error(`Salesforce refused the sign-in (${e.success ? (e.data.error_description ?? e.data.error) : `HTTP ${res.status}`}).`);
  }
  return { token: { access_token: ok.data.access_token, refresh_token: ok.data.refresh_token, client_id: clientId, login_url: loginUrl }, instanceUrl: ok.data.instance_url };
}

/** A new access token from the refresh token (no secret: the connected app allows PKCE-only clients). */
export async function refreshAccessToken(http: CrmHttp, token: SalesforceToken): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token.refresh_token ?? '', client_id: token.client_id }).toString();
  try {
    const res = await http.request('POST', new URL('/services/oauth2/token', token.login_url).toString(), body, { 'content-type': 'application/x-www-form-urlencoded' }, { schema: TokenAnswer });
    return res.body.access_token;
  } catch (err) {
    if (err instanceof SyncError && err.kind === 'record') throw new SyncError('auth', 'Salesforce no longer accepts Touchline\u2019s sign-in. Sign in with Salesforce again in Touchline\u2019s options.');
    throw err;
  }
}
