import 'server-only';
import { randomUUID } from 'node:crypto';
import { nearExpiry, SIGNED_URL_MARGIN_MS } from '../images/signed-url';
import { singleFlight, sleep } from '../platform/async';
import { db } from '../platform/db/client';
import { acquireLease, releaseLease } from '../platform/db/lease';
import { errorMessage } from '../platform/errors';
import { applyFreshVideos, fetchOwnVideos } from './tiktok-videos';

const LEASE_MS = 60_000;

const inflight = new Map<string, Promise<void>>();

async function staleIds(userId: string): Promise<string[]> {
  const rows = await db.video.findMany({
    where: { userId, available: true, coverExpiresAt: { lt: new Date(Date.now() + SIGNED_URL_MARGIN_MS) } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Refreshes the stale covers of a showcase through video/query, at most 20 ids a call. Single-flight:
 * concurrent callers in this process share one run; other processes wait on the lease and find the
 * covers fresh. Failures are logged and swallowed: a showcase is always served from what is stored.
 */
export function ensureFreshCovers(userId: string): Promise<void> {
  return singleFlight(inflight, userId, () =>
    refreshCovers(userId).catch((e: unknown) => console.warn(`[covers] refresh failed for user ${userId}: ${errorMessage(e)}`)),
  );
}

async function refreshCovers(userId: string): Promise<void> {
  const key = `covers:${userId}`;
  const holder = randomUUID();
  const deadline = Date.now() + LEASE_MS;
  while (!(await acquireLease(key, holder, LEASE_MS))) {
    if (Date.now() > deadline) return;
    await sleep(100);
  }
  try {
    const ids = await staleIds(userId);
    if (ids.length === 0) return;
    const fresh = await fetchOwnVideos(userId, ids);
    await applyFreshVideos(userId, ids, fresh);
  } finally {
    await releaseLease(key, holder);
  }
}

type PublicCover = { url: string; expiresAt: Date } | null;

function findPublic(videoId: string) {
  return db.video.findFirst({
    where: { id: videoId, available: true, user: { published: true, showcaseItems: { some: { videoId } } } },
    select: { userId: true, coverUrl: true, coverExpiresAt: true },
  });
}

/**
 * The current cover of a video a published showcase shows, refreshed first (with its showcase's
 * other stale covers) when near its x-expires. `undefined`: no such video; `null`: no usable cover
 * (TikTok could not be asked), so the caller shows a placeholder. The avatar's twin: publicAvatar.
 */
export async function publicCover(videoId: string): Promise<PublicCover | undefined> {
  let video = await findPublic(videoId);
  if (!video) return undefined;
  if (nearExpiry(video.coverExpiresAt)) {
    await ensureFreshCovers(video.userId);
    video = (await findPublic(videoId)) ?? video;
  }
  return video.coverUrl && video.coverExpiresAt.getTime() > Date.now() ? { url: video.coverUrl, expiresAt: video.coverExpiresAt } : null;
}
