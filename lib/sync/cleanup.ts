import 'server-only';
import { purgeUnusedImages } from '../images/retention';
import { purgeInsights } from '../insights/retention';
import { purgeHandoffs } from '../native/handoff';
import { purgeCallRecords } from '../platform/call-budget';
import { purgeLeases } from '../platform/db/lease';
import { purgeCounters } from '../platform/limits/counter';
import { purgeQrSessions } from '../qr/login';
import { purgeWebhookEvents } from '../webhooks/tiktok';

/** Everything that only matters for a while; each domain owns the retention of its own table. */
export async function purgeExpired(now = Date.now()): Promise<number> {
  const results = await Promise.all([
    purgeQrSessions(now),
    purgeHandoffs(now),
    purgeWebhookEvents(now),
    purgeLeases(now),
    purgeCallRecords(now),
    purgeCounters(now),
    purgeUnusedImages(now),
    purgeInsights(now),
  ]);
  return results.reduce((n, r) => n + r.count, 0);
}
