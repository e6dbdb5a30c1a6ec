// What a creator's TikTok connection can be: the values stored in TikTokConnection.status, and
// "disconnected" for a creator without a connection row.
export const CONNECTION_STATUS = { active: 'active', needsReconnect: 'needs_reconnect', disconnected: 'disconnected' } as const;

export type ConnectionStatus = (typeof CONNECTION_STATUS)[keyof typeof CONNECTION_STATUS];

/** How long before its refresh token runs out a creator is asked to reconnect (TikTok's refresh tokens live 180 days). */
export const REFRESH_WARNING_MS = 14 * 86_400_000;

/**
 * Where a connection's refresh token stands: `expired` once TikTok would refuse it (only the creator
 * reconnecting helps, so nothing calls TikTok with it), `expiring` within the warning window.
 */
export function refreshTokenState(refreshExpiresAt: Date, now = Date.now()): 'valid' | 'expiring' | 'expired' {
  const left = refreshExpiresAt.getTime() - now;
  if (left <= 0) return 'expired';
  return left <= REFRESH_WARNING_MS ? 'expiring' : 'valid';
}
