import 'server-only';
import { getIronSession, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';
import { env } from '../env';

/** The signed-in session: only the user id, never a TikTok token. */
export type AppSession = { userId?: string };

/** The short-lived, single-use record of an authorization request in flight. */
export type OAuthFlow = {
  nonce?: string;
  verifier?: string;
  returnTo?: string;
  createdAt?: number;
};

export const OAUTH_FLOW_TTL_SECONDS = 600;

function options(name: string, ttl: number): SessionOptions {
  const e = env();
  return {
    cookieName: name,
    password: e.sessionSecret,
    ttl,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: e.secureCookies, path: '/' },
  };
}

export async function getSession() {
  return getIronSession<AppSession>(await cookies(), options('showreel_session', 30 * 24 * 3600));
}

export async function getOAuthFlow() {
  return getIronSession<OAuthFlow>(await cookies(), options('showreel_oauth', OAUTH_FLOW_TTL_SECONDS));
}

/** Signs this browser in as the user (web callback, QR confirmation, native handoff). */
export async function startSession(userId: string): Promise<void> {
  const session = await getSession();
  session.userId = userId;
  await session.save();
}

/** The id of the current user, or null when signed out. */
export async function currentUserId(): Promise<string | null> {
  return (await getSession()).userId ?? null;
}
