import 'server-only';
import { createHash } from 'node:crypto';
import { env } from '../platform/config/env';
import { ensureAccount } from './accounts';
import { creator } from './creators';
import { CODE_TTL_MS, type Code, csvList, logId, type QrRecord, random, type SandboxReply, SCOPES, type Token } from './model';
import { enter, settings } from './settings';
import * as store from './store';

// Login Kit in the sandbox: the authorize request, codes, the token endpoint (PKCE, rotation), revoke.

function registeredRedirectUris(): string[] {
  return [env().redirectUri, env().nativeRedirectUri, ...settings().redirectUris];
}

type AuthorizeRequest = {
  clientKey: string;
  scopes: string[];
  redirectUri: string;
  state: string;
  responseType: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
};

/** The authorize request's fields, read the same way from the page's query and the consent form. */
export function readAuthorizeRequest(get: (name: string) => string): AuthorizeRequest {
  return {
    clientKey: get('client_key'),
    scopes: csvList(get('scope')),
    redirectUri: get('redirect_uri'),
    state: get('state'),
    responseType: get('response_type'),
    codeChallenge: get('code_challenge') || null,
    codeChallengeMethod: get('code_challenge_method') || null,
  };
}

/** What TikTok's authorize page refuses to render at all (it does not redirect to an unknown URI). */
export function validateAuthorize(q: AuthorizeRequest): string | null {
  if (q.clientKey !== env().clientKey) return 'client_key is not a registered app (invalid_client).';
  if (!registeredRedirectUris().includes(q.redirectUri)) return 'redirect_uri does not match a registered redirect URI.';
  if (q.responseType !== 'code') return 'response_type must be code (unsupported_response_type).';
  if (q.scopes.length === 0 || q.scopes.some((s) => !(SCOPES as readonly string[]).includes(s)))
    return 'scope is missing or holds an unknown scope (invalid_scope).';
  if (q.codeChallenge && q.codeChallengeMethod !== 'S256') return 'code_challenge_method must be S256.';
  return null;
}

/**
 * A known scope the app is not approved for: TikTok sends the browser back to the redirect URI with
 * error=invalid_scope (the whole sign-in fails), rather than showing the consent screen.
 */
export function unapprovedScopeRedirect(q: AuthorizeRequest): string | null {
  const approved = settings().approvedScopes;
  const refused = q.scopes.filter((s) => !approved.includes(s));
  if (refused.length === 0) return null;
  const back = new URL(q.redirectUri);
  back.searchParams.set('error', 'invalid_scope');
  back.searchParams.set('error_description', `The app is not approved for: ${refused.join(', ')}.`);
  if (q.state) back.searchParams.set('state', q.state);
  return back.toString();
}

export function issueCode(input: { username: string; scopes: string[]; redirectUri: string; challenge: string | null; qrToken?: string }): string {
  const c = ensureAccount(input.username);
  const code = random('');
  store.put('code', code, {
    openId: c.openId,
    username: input.username,
    scopes: input.scopes,
    redirectUri: input.redirectUri,
    challenge: input.challenge,
    expiresAt: Date.now() + CODE_TTL_MS,
    used: false,
    qrToken: input.qrToken,
  } satisfies Code);
  return code;
}

export function oauthError(error: string, description: string, status = 200): SandboxReply {
  return { status, body: { error, error_description: description, log_id: logId() } };
}

function tokenPair(openId: string, username: string, scopes: string[], family = random('grant.')): SandboxReply {
  const s = settings();
  const access = random('act.');
  const refresh = random('rft.');
  const base = { openId, username, scopes, revoked: false, family };
  store.put('access', access, { ...base, expiresAt: Date.now() + s.accessTtlSeconds * 1000 } satisfies Token);
  store.put('refresh', refresh, { ...base, expiresAt: Date.now() + s.refreshTtlSeconds * 1000 } satisfies Token);
  return {
    status: 200,
    body: {
      access_token: access,
      expires_in: s.accessTtlSeconds,
      open_id: openId,
      refresh_expires_in: s.refreshTtlSeconds,
      refresh_token: refresh,
      scope: scopes.join(','),
      token_type: 'Bearer',
    },
  };
}

export async function token(form: URLSearchParams, signal?: AbortSignal): Promise<SandboxReply> {
  const grant = form.get('grant_type');
  const fail = await enter(grant === 'refresh_token' ? 'oauth/token:refresh' : 'oauth/token:code', 'oauth', signal);
  if (fail && !fail.dropAnswer) return fail;
  const answer = grantTokens(grant, form);
  // A lost answer: TikTok did what was asked (a refresh token rotated), the client never hears it.
  return fail?.dropAnswer ? { ...answer, dropAnswer: true } : answer;
}

function grantTokens(grant: string | null, form: URLSearchParams): SandboxReply {
  if (form.get('client_key') !== env().clientKey || form.get('client_secret') !== env().clientSecret) {
    return oauthError('invalid_client', 'Client key or secret is invalid.', 401);
  }
  if (grant === 'authorization_code') {
    const code = form.get('code') ?? '';
    const verifier = form.get('code_verifier');
    const redirectUri = form.get('redirect_uri') ?? '';
    return store.update<Code, SandboxReply>('code', code, (c) => {
      if (!c || c.used || c.expiresAt < Date.now()) return { result: oauthError('invalid_grant', 'Authorization code is expired or was already used.') };
      if (c.redirectUri !== redirectUri) return { result: oauthError('invalid_grant', 'redirect_uri does not match the authorization request.') };
      if (c.challenge) {
        if (!verifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier))
          return { result: oauthError('invalid_request', 'Please correct the following: code_verifier.') };
        if (createHash('sha256').update(verifier).digest('base64url') !== c.challenge)
          return { result: oauthError('invalid_grant', 'Code verifier does not match the code challenge.') };
      }
      if (c.qrToken) {
        store.update<QrRecord, null>('qr', c.qrToken, (q) => ({ value: q ? { ...q, status: 'utilised' } : undefined, result: null }));
      }
      return { value: { ...c, used: true }, result: tokenPair(c.openId, c.username, c.scopes) };
    });
  }
  if (grant === 'refresh_token') {
    const presented = form.get('refresh_token') ?? '';
    return store.update<Token, SandboxReply>('refresh', presented, (t) => {
      // Per-account count too, so tests can say "each account refreshed exactly once".
      if (t) store.bump(`oauth/token:refresh@${t.username}`);
      if (t?.rotated) {
        // Reuse of a rotated refresh token: treated as theft, as providers that rotate do. Every token
        // of that grant dies; the account has to authorize again.
        store.bump(`oauth/token:reuse@${t.username}`);
        if (t.family) revokeFamily(t.family);
        return { result: oauthError('invalid_grant', 'Refresh token was already used; every token of this authorization is revoked.') };
      }
      if (!t || t.revoked || t.expiresAt < Date.now()) return { result: oauthError('invalid_grant', 'Refresh token is invalid or expired.') };
      // Rotation: the presented refresh token dies the moment a new one is issued.
      return { value: { ...t, revoked: true, rotated: true }, result: tokenPair(t.openId, t.username, t.scopes, t.family) };
    });
  }
  return oauthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token.', 400);
}

export async function revoke(form: URLSearchParams): Promise<SandboxReply> {
  const fail = await enter('oauth/revoke', 'oauth');
  if (fail) return fail;
  if (form.get('client_key') !== env().clientKey || form.get('client_secret') !== env().clientSecret) {
    return oauthError('invalid_client', 'Client key or secret is invalid.', 401);
  }
  const t = store.get<Token>('access', form.get('token') ?? '');
  if (t) revokeAll(t.openId);
  return { status: 200, body: {} };
}

/** Kills every token descending from one authorization (the answer to a reused refresh token). */
function revokeFamily(family: string): void {
  for (const kind of ['access', 'refresh'] as const) {
    for (const { key, value } of store.all<Token>(kind)) {
      if (value.family === family && !value.revoked) store.put(kind, key, { ...value, revoked: true });
    }
  }
}

/** Kills every token of an account (the user removed the app, or revoke was called). */
export function revokeAll(openId: string): number {
  let n = 0;
  for (const kind of ['access', 'refresh'] as const) {
    for (const { key, value } of store.all<Token>(kind)) {
      if (value.openId === openId && !value.revoked) {
        store.put(kind, key, { ...value, revoked: true });
        n++;
      }
    }
  }
  return n;
}

/** For tests: make every access token of an account expire now (refresh tokens stay valid). */
export function expireAccessTokens(username: string): number {
  const { openId } = creator(username);
  let n = 0;
  for (const { key, value } of store.all<Token>('access')) {
    if (value.openId === openId && !value.revoked) {
      store.put('access', key, { ...value, expiresAt: Date.now() - 1000 });
      n++;
    }
  }
  return n;
}

/** For tests: kill the account's refresh tokens (as if revoked or expired at TikTok). */
export function revokeRefreshTokens(username: string): number {
  return revokeAll(creator(username).openId);
}
