import 'server-only';
import { getIronSession, type SessionOptions, unsealData } from 'iron-session';
import { cookies } from 'next/headers';
import { env } from '../platform/config/env';
import { db } from '../platform/db/client';

/**
 * The signed-in session: the user id and the user's session version when it was issued, never a
 * TikTok token. Bumping the version in the database ends every session issued before.
 */
type AppSession = { userId?: string; v?: number };

/** The short-lived, single-use record of an authorization request in flight. */
type OAuthFlow = {
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

const SESSION_COOKIE = 'showreel_session';
const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export async function getSession() {
  return getIronSession<AppSession>(await cookies(), options(SESSION_COOKIE, SESSION_TTL_SECONDS));
}

/**
 * The user id a request's session cookie holds, read without the database, for the proxy (which
 * sends signed-in visitors of the static landing page on to their dashboard).
 */
export async function sessionUserIdOf(request: { cookies: { get(name: string): { value: string } | undefined } }): Promise<string | null> {
  const sealed = request.cookies.get(SESSION_COOKIE)?.value;
  if (!sealed) return null;
  try {
    const data = await unsealData<AppSession>(sealed, { password: env().sessionSecret, ttl: SESSION_TTL_SECONDS });
    return data.userId ?? null;
  } catch {
    return null;
  }
}

export async function getOAuthFlow() {
  return getIronSession<OAuthFlow>(await cookies(), options('showreel_oauth', OAUTH_FLOW_TTL_SECONDS));
}

/** Signs this browser in as the user (web callback, QR confirmation, native handoff, disconnect). */
export async function startSession(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  const session = await getSession();
  session.userId = userId;
  session.v = user?.sessionVersion ?? 0;
  await session.save();
}

/**
 * The id of the signed-in user, checked against the database on every call: null when signed out,
 * when the account is gone, or when the cookie was issued before the user's sessions were ended.
 */
export async function currentUserId(): Promise<string | null> {
  const { userId, v } = await getSession();
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user && user.sessionVersion === (v ?? 0) ? userId : null;
}

/** Ends every session of the user, on every device, this one included. */
export async function endAllSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
