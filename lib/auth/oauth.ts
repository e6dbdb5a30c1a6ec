import 'server-only';
import { sealData, unsealData } from 'iron-session';
import { env } from '../platform/config/env';
import { authorizeUrl, exchangeCode } from '../tiktok/client';
import { isTikTokError } from '../tiktok/errors';
import { formatScopes, requestedScopes, SCOPES } from '../tiktok/scopes';
import type { TokenSet } from '../tiktok/types';
import { challengeFor, createVerifier, randomToken } from './pkce';
import { getOAuthFlow, OAUTH_FLOW_TTL_SECONDS } from './session';

export type Platform = 'web' | 'native';

/**
 * What travels through TikTok in `state`: sealed (signed and encrypted), so neither the scheme nor
 * the native app's handoff challenge can be swapped.
 */
type StatePayload = { n: string; p: Platform; s?: string; c?: string };

function redirectUriFor(platform: Platform): string {
  return platform === 'native' ? env().nativeRedirectUri : env().redirectUri;
}

export async function startAuthorization(input: { platform: Platform; scheme?: string; handoffChallenge?: string; returnTo?: string }): Promise<string> {
  const nonce = randomToken(16);
  const verifier = createVerifier();
  const flow = await getOAuthFlow();
  flow.nonce = nonce;
  flow.verifier = verifier;
  flow.returnTo = input.returnTo;
  flow.createdAt = Date.now();
  await flow.save();
  const payload: StatePayload = {
    n: nonce,
    p: input.platform,
    ...(input.scheme ? { s: input.scheme } : {}),
    ...(input.handoffChallenge ? { c: input.handoffChallenge } : {}),
  };
  const state = await sealData(payload, { password: env().sessionSecret, ttl: OAUTH_FLOW_TTL_SECONDS });
  return authorizeUrl({ state, codeChallenge: challengeFor(verifier), redirectUri: redirectUriFor(input.platform) });
}

export type CallbackFailure =
  | 'invalid_state'
  | 'access_denied'
  | 'invalid_scope'
  | 'oauth_error'
  | 'missing_code'
  | 'exchange_failed'
  | 'tiktok_unavailable'
  | 'needs_basic_scope';

type CallbackResult =
  | { ok: true; tokens: TokenSet; returnTo?: string; scheme?: string; handoffChallenge?: string }
  | { ok: false; reason: CallbackFailure; scheme?: string };

/**
 * Finishes an authorization: the state must be ours, fresh and unused (the flow cookie is
 * destroyed on first sight, so a replayed callback URL finds nothing), then the code is exchanged.
 * Signing the account in with the tokens is the caller's (lib/account/sign-in.ts).
 */
export async function completeAuthorization(platform: Platform, query: URLSearchParams): Promise<CallbackResult> {
  const flow = await getOAuthFlow();
  const { nonce, verifier, returnTo, createdAt } = flow;
  flow.destroy();

  const state = query.get('state') ?? '';
  const payload = state
    ? await unsealData<Partial<StatePayload>>(state, { password: env().sessionSecret, ttl: OAUTH_FLOW_TTL_SECONDS }).catch(() => ({}) as Partial<StatePayload>)
    : {};
  const scheme = payload.p === 'native' ? payload.s : undefined;
  const fresh = createdAt !== undefined && Date.now() - createdAt <= OAUTH_FLOW_TTL_SECONDS * 1000;
  if (!nonce || !verifier || !fresh || payload.n !== nonce || payload.p !== platform) {
    return { ok: false, reason: 'invalid_state', scheme };
  }
  const error = query.get('error');
  if (error === 'invalid_scope') {
    // Not the creator's doing: the app asked for scopes TikTok has not approved it for.
    // TikTok's own description (which scopes it refused) goes in too: it is not secret, and it is the fix.
    const said = (query.get('error_description') ?? '').replace(/[\r\n]+/g, ' ').slice(0, 300);
    console.error(
      `[auth] TikTok refused the requested scopes (${formatScopes(requestedScopes(env().scopes))})${said ? `: "${said}"` : ''}. Set TIKTOK_SCOPES to the scopes the app is approved for (the README lists what each one enables).`,
    );
    return { ok: false, reason: 'invalid_scope', scheme };
  }
  if (error) return { ok: false, reason: error === 'access_denied' ? 'access_denied' : 'oauth_error', scheme };
  const code = query.get('code');
  if (!code) return { ok: false, reason: 'missing_code', scheme };

  try {
    const tokens = await exchangeCode({ code, redirectUri: redirectUriFor(platform), codeVerifier: verifier });
    if (!tokens.scopes.includes(SCOPES.basic)) return { ok: false, reason: 'needs_basic_scope', scheme };
    return { ok: true, tokens, returnTo, scheme, handoffChallenge: payload.c };
  } catch (e) {
    return { ok: false, reason: exchangeFailure(e), scheme };
  }
}

/** A failed exchange (or first profile read) in the callback's words; rethrows anything that is a bug. */
export function exchangeFailure(e: unknown): 'tiktok_unavailable' | 'exchange_failed' {
  if (!isTikTokError(e)) throw e;
  console.warn(`[auth] sign-in failed at TikTok: ${e.message}`);
  return e.transient ? 'tiktok_unavailable' : 'exchange_failed';
}
