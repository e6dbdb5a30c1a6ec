import 'server-only';
import { createHash } from 'node:crypto';
import { dropImagesOf, forgetConnectionIn } from '../account/lifecycle';
import { db } from '../platform/db/client';
import { insertWebhookOnce } from '../platform/db/sql';
import { revalidateHandle } from '../showcase/revalidate';
import type { WebhookEvent } from '../tiktok/webhooks';

type WebhookResult = 'handled' | 'duplicate' | 'ignored' | 'outdated';

/**
 * Handles one delivery. Deliveries are at-least-once: the same event (same event, user and time)
 * is recorded once and acted on once. The record and its effect are one transaction, so a delivery
 * whose effect failed leaves no record, and TikTok's next delivery does the work.
 */
export async function handleWebhook(event: WebhookEvent): Promise<WebhookResult> {
  const id = createHash('sha256').update(`${event.event}|${event.openId}|${event.createdAtSeconds}`).digest('hex');
  const { result, handle, userId } = await db.$transaction(async (tx): Promise<{ result: WebhookResult; handle?: string | null; userId?: string }> => {
    if (!(await insertWebhookOnce(tx, id, event.event, new Date()))) return { result: 'duplicate' };
    if (event.event !== 'authorization.removed') return { result: 'ignored' };
    const user = await tx.user.findUnique({ where: { openId: event.openId }, select: { id: true, connection: { select: { connectedAt: true } } } });
    if (!user) return { result: 'ignored' };
    // TikTok's times are whole seconds: an event from before the second the creator (re)connected
    // is about an authorization that no longer exists.
    if (user.connection && event.createdAtSeconds < Math.floor(user.connection.connectedAt.getTime() / 1000)) return { result: 'outdated' };
    // The token is already dead at TikTok: forget it and unpublish, as "Disconnect" does.
    return { result: 'handled', handle: await forgetConnectionIn(tx, user.id), userId: user.id };
  });
  if (userId) await dropImagesOf(userId);
  // forgetConnectionIn wrote the edge's purge in the transaction above.
  if (handle) await revalidateHandle(handle, { edgeQueued: true });
  return result;
}

/**
 * Webhook ids are kept a week: a delivery older than the 5-minute signature tolerance is refused
 * anyway, the week covers TikTok's retries generously.
 */
export function purgeWebhookEvents(now = Date.now()) {
  return db.webhookEvent.deleteMany({ where: { receivedAt: { lt: new Date(now - 7 * 24 * 3600_000) } } });
}
