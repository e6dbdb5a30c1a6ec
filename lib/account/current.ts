import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { CONNECTION_STATUS, type ConnectionStatus, refreshTokenState } from '../auth/connection-status';
import { currentUserId, getSession } from '../auth/session';
import { db } from '../platform/db/client';
import { parseScopes, SCOPES } from '../tiktok/scopes';

/** The signed-in creator for a page render (cached per request); redirects to the landing page if none. */
export const requireCreator = cache(async () => {
  const id = await currentUserId();
  const user = id
    ? await db.user.findUnique({
        where: { id },
        select: {
          id: true,
          displayName: true,
          username: true,
          avatarUrl: true,
          handle: true,
          showcases: { where: { isDefault: true }, select: { published: true, publishedAt: true } },
          connection: { select: { scopes: true, status: true, lastSyncedAt: true, lastError: true, refreshExpiresAt: true } },
        },
      })
    : null;
  // A cookie that no longer counts (its account is gone, or its sessions were ended everywhere) is
  // cleared there, or the landing page, which sees only that a cookie is present, would send it
  // straight back here.
  if (!user) redirect((await getSession()).userId ? '/api/auth/session-ended' : '/');
  const scopes = parseScopes(user.connection?.scopes);
  const { showcases, ...rest } = user;
  // The default showcase's switch (the dashboard's Publish / Unpublish); it exists once signed in.
  const defaultShowcase = showcases[0] ?? { published: false, publishedAt: null };
  const stored = (user.connection?.status ?? CONNECTION_STATUS.disconnected) as ConnectionStatus;
  const refresh = user.connection ? refreshTokenState(user.connection.refreshExpiresAt) : 'valid';
  return {
    ...rest,
    published: defaultShowcase.published,
    publishedAt: defaultShowcase.publishedAt,
    scopes,
    canListVideos: scopes.includes(SCOPES.videoList),
    // A refresh token that has run out is a connection that needs reconnecting, whether or not a
    // refresh has been refused yet (the sync no longer tries it).
    status: stored === CONNECTION_STATUS.active && refresh === 'expired' ? CONNECTION_STATUS.needsReconnect : stored,
    /** When the connection runs out, if that is within the warning window: the dashboard asks to reconnect before it does. */
    expiresSoonAt: stored === CONNECTION_STATUS.active && refresh === 'expiring' ? (user.connection?.refreshExpiresAt ?? null) : null,
  };
});
