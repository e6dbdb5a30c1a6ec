// lib/sync: background work: syncing accounts with TikTok and cleaning up what has expired.
import 'server-only';
import { db } from '../db';

const HOUR_MS = 3600_000;

/** QR sessions that expired over an hour ago: nobody polls them any more. */
export function purgeQrSessions(now = Date.now()) {
  return db.qrSession.deleteMany({ where: { expiresAt: { lt: new Date(now - HOUR_MS) } } });
}

/** Handoff codes that expired over an hour ago, spent or not: of no use to anyone. */
export function purgeHandoffs(now = Date.now()) {
  return db.oAuthHandoff.deleteMany({ where: { expiresAt: { lt: new Date(now - HOUR_MS) } } });
}

/**
 * Everything that only matters for a while. Webhook ids are kept a week: a delivery older than
 * the 5-minute signature tolerance is refused anyway, the week covers TikTok's retries generously.
 */
export async function purgeExpired(now = Date.now()): Promise<number> {
  const results = await Promise.all([
    purgeQrSessions(now),
    purgeHandoffs(now),
    db.webhookEvent.deleteMany({ where: { receivedAt: { lt: new Date(now - 7 * 24 * HOUR_MS) } } }),
    db.lease.deleteMany({ where: { expiresAt: { lt: new Date(now - HOUR_MS) } } }),
    db.apiCall.deleteMany({ where: { at: { lt: new Date(now - HOUR_MS) } } }),
    db.rateLimit.deleteMany({ where: { expiresAt: { lt: new Date(now) } } }),
  ]);
  return results.reduce((n, r) => n + r.count, 0);
}
