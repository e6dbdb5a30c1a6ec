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
  await singleFlight(inflight, user.id, () =>
    refreshProfile(user.id, parseScopes(scopes)).catch((e: unknown) => console.warn(`[avatar] refresh failed for user ${user.id}: ${errorMessage(e)}`)),
  );
  return fresh((await find(handle))?.avatarUrl ?? null);
}
