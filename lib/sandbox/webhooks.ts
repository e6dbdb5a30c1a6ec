import 'server-only';
import { env } from '../platform/config/env';
import { sign } from '../tiktok/webhooks';
import { creator, DEFAULT_USERNAME } from './creators';
import { revokeAll } from './oauth';

// Webhooks from the sandbox: TikTok's signed authorization.removed, sent to the app.

/** Sends authorization.removed to the app, signed as TikTok signs it, after killing the tokens. */
export async function sendAuthorizationRemoved(username: string): Promise<{ status: number; body: string }> {
  const c = creator(username);
  revokeAll(c.openId);
  const body = JSON.stringify({
    client_key: env().clientKey,
    event: 'authorization.removed',
    create_time: Math.floor(Date.now() / 1000),
    user_openid: c.openId,
    content: JSON.stringify({ reason: 1 }),
  });
  const res = await fetch(`${env().appUrl}/api/webhooks/tiktok`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'TikTok-Signature': sign(body, env().clientSecret) },
    body,
  });
  return { status: res.status, body: await res.text() };
}

export { creator, DEFAULT_USERNAME };
