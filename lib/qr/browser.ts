import 'server-only';
import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
import { randomToken } from '../auth/pkce';
import { env } from '../platform/config/env';

/** A sealed cookie naming this browser, so a QR session polled from another browser gets nothing. */
export async function browserId(create: true): Promise<string>;
export async function browserId(create: false): Promise<string | null>;
export async function browserId(create: boolean): Promise<string | null> {
  const e = env();
  const jar = await getIronSession<{ id?: string }>(await cookies(), {
    cookieName: 'showreel_qr',
    password: e.sessionSecret,
    ttl: 3600,
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: e.secureCookies, path: '/' },
  });
  if (!jar.id && create) {
    jar.id = randomToken(16);
    await jar.save();
  }
  return jar.id ?? null;
}
