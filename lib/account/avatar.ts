import 'server-only';
import { CONNECTION_STATUS } from '../auth/connection-status';
import { nearExpiry } from '../images/signed-url';
import { singleFlight } from '../platform/async';
import { db } from '../platform/db/client';
import { errorMessage } from '../platform/errors';
import { signedUrlExpiry } from '../tiktok/client';
import { parseScopes } from '../tiktok/scopes';
import { refreshProfile } from './profile';

const inflight = new Map<string, Promise<void>>();

type PublicAvatar = { url: string; expiresAt: Date } | null;

function fresh(url: string | null): PublicAvatar {
  if (!url) return null;
  const expiresAt = signedUrlExpiry(url);
  return nearExpiry(expiresAt) ? null : { url, expiresAt };
}

async function find(handle: string) {
  return db.user.findUnique({
    where: { handle },
    select: { id: true, published: true, avatarUrl: true, connection: { select: { status: true, scopes: true } } },
  });
}

/**
 * The current avatar of a published creator, re-read from TikTok (once per creator at a time) when
 * the stored signed URL is near its expiry. `undefined`: no such published creator; `null`: no
 * usable avatar (none granted, or TikTok could not be asked), so the caller shows a placeholder.
 */
export async function publicAvatar(handle: string): Promise<PublicAvatar | undefined> {
  const user = await find(handle);
  if (!user?.published) return undefined;
  const current = fresh(user.avatarUrl);
  if (current || user.connection?.status !== CONNECTION_STATUS.active) return current;
  const { scopes } = user.connection;
  // After a failed re-read, visitors get the placeholder for a while: a loop of anonymous requests
  // must not turn into a user/info call each, spending the budget sign-ins share.
  if (await backingOff(user.id)) return null;
  await singleFlight(inflight, user.id, () =>
    refreshProfile(user.id, parseScopes(scopes)).catch(async (e: unknown) => {
      console.warn(`[avatar] refresh failed for user ${user.id}: ${errorMessage(e)}; not retried for ${AVATAR_BACKOFF_MS / 60_000} min`);
      await backOff(user.id).catch(() => undefined);
    }),
  );
  return fresh((await find(handle))?.avatarUrl ?? null);
}

/** How long visitors' requests leave an avatar alone after TikTok failed to re-read it. */
export const AVATAR_BACKOFF_MS = 5 * 60_000;
// A lease row nobody takes: its expiry is the end of the back-off, seen by every process.
const backoffKey = (userId: string) => `avatar-refresh-failed:${userId}`;

async function backingOff(userId: string): Promise<boolean> {
  const row = await db.lease.findUnique({ where: { key: backoffKey(userId) }, select: { expiresAt: true } });
  return Boolean(row && row.expiresAt.getTime() > Date.now());
}

async function backOff(userId: string): Promise<void> {
  const expiresAt = new Date(Date.now() + AVATAR_BACKOFF_MS);
  await db.lease.upsert({ where: { key: backoffKey(userId) }, create: { key: backoffKey(userId), holder: 'backoff', expiresAt }, update: { expiresAt } });
}
