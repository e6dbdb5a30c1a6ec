import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { forgetConnection } from '../account/lifecycle';
import { insertWebhookOnce } from '../sql';

export const webhookSchema = z.object({
  client_key: z.string(),
  event: z.string().min(1),
  create_time: z.coerce.number().int(),
  user_openid: z.string().min(1),
  content: z.string().optional(),
});

export type WebhookEvent = z.infer<typeof webhookSchema>;

/**
 * Handles one delivery. Deliveries are at-least-once: the same event (same event, user and time)
 * is recorded once and acted on once; a retry is acknowledged without doing anything again.
 */
export async function handleWebhook(event: WebhookEvent): Promise<'handled' | 'duplicate' | 'ignored'> {
  const id = createHash('sha256').update(`${event.event}|${event.user_openid}|${event.create_time}`).digest('hex');
  if (!(await insertWebhookOnce(id, event.event, new Date()))) return 'duplicate';
  if (event.event === 'authorization.removed') {
    // The token is already dead at TikTok: forget it and unpublish, as "Disconnect" does.
    await forgetConnection({ openId: event.user_openid });
    return 'handled';
  }
  return 'ignored';
}
