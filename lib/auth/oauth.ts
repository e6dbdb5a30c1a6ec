import 'server-only';
import { sealData, unsealData } from 'iron-session';
import { env } from '../env';
import { PROBLEMS } from '../http/problems';
import { authorizeUrl, exchangeCode } from '../tiktok/client';
import { isTikTokError } from '../tiktok/errors';
import { SCOPES } from '../tiktok/scopes.mjs';
import { challengeFor, createVerifier, randomToken } from './pkce';
import { getOAuthFlow, OAUTH_FLOW_TTL_SECONDS } from './session';
import { signInWithTokens } from './sign-in';

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

type CallbackFailure = 'invalid_state' | 'access_denied' | 'oauth_error' | 'missing_code' | 'exchange_failed' | 'tiktok_unavailable' | 'needs_basic_scope';

type CallbackResult =
  | { ok: true; userId: string; returnTo?: string; scheme?: string; handoffChallenge?: string; scopes: string[] }
  | { ok: false; reason: CallbackFailure; scheme?: string };

/**
 * Finishes an authorization: the state must be ours, fresh and unused (the flow cookie is
 * destroyed on first sight, so a replayed callback URL finds nothing), then the code is exchanged.
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
  if (error) return { ok: false, reason: error === 'access_denied' ? 'access_denied' : 'oauth_error', scheme };
  const code = query.get('code');
  if (!code) return { ok: false, reason: 'missing_code', scheme };

  try {
    const tokens = await exchangeCode({ code, redirectUri: redirectUriFor(platform), codeVerifier: verifier });
    if (!tokens.scopes.includes(SCOPES.basic)) return { ok: false, reason: 'needs_basic_scope', scheme };
    const userId = await signInWithTokens(tokens);
    return { ok: true, userId, returnTo, scheme, handoffChallenge: payload.c, scopes: tokens.scopes };
  } catch (e) {
    if (isTikTokError(e)) {
      console.warn(`[auth] code exchange failed: ${e.message}`);
      return { ok: false, reason: e.transient ? 'tiktok_unavailable' : 'exchange_failed', scheme };
    }
    throw e;
  }
}

export const FAILURE_TEXT: Record<CallbackFailure, { title: string; message: string; status: number }> = {
  invalid_state: {
    title: 'That sign-in link has expired',
    message: 'For your safety, each sign-in link works once and only in the browser that started it. Please start again.',
    status: 400,
  },
  access_denied: {
    title: 'You cancelled the TikTok sign-in',
    message: 'No problem: nothing was shared with Showreel. You can try again whenever you like.',
    status: 400,
  },
  oauth_error: { title: 'TikTok could not sign you in', message: 'TikTok reported a problem with this sign-in. Please try again.', status: 400 },
  missing_code: { title: 'TikTok did not finish the sign-in', message: 'The answer from TikTok was incomplete. Please try again.', status: 400 },
  exchange_failed: { title: 'TikTok could not sign you in', message: 'The sign-in could not be completed. Please try again.', status: 400 },
  tiktok_unavailable: { title: 'TikTok is busy', message: PROBLEMS.unavailable.text, status: 503 },
  needs_basic_scope: {
    title: 'Showreel needs your basic profile',
    message: 'Please allow access to your profile info (avatar and display name) so Showreel can sign you in.',
    status: 400,
  },
};
