import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as lifecycle from '@/lib/account/lifecycle';
import { db } from '@/lib/platform/db/client';
import { parseWebhookEvent, type WebhookEvent } from '@/lib/tiktok/webhooks';
import { handleWebhook } from '@/lib/webhooks/tiktok';
import { migrateTestDb, newId } from '../support/db';

beforeAll(() => migrateTestDb());

/** A creator with a live connection granted at `connectedAt`. */
async function creator(connectedAt = new Date()) {
  const id = newId();
  await db.user.create({
    data: {
      id,
      openId: `open-${id}`,
      displayName: 'Hooked',
      handle: `hook-${id.slice(0, 8)}`,
      connection: {
        create: {
          accessTokenEnc: 'v2.x.y.z',
          refreshTokenEnc: 'v2.x.y.z',
          accessExpiresAt: new Date(Date.now() + 3600_000),
          refreshExpiresAt: new Date(Date.now() + 86_400_000),
          scopes: 'user.info.basic',
          connectedAt,
        },
      },
    },
  });
  return { id, openId: `open-${id}` };
}

/** An authorization.removed delivery as TikTok sends it, read by the adapter the route uses. */
function removed(openId: string, createTime: number): WebhookEvent {
  const parsed = parseWebhookEvent(
    JSON.stringify({ client_key: 'test_client_key', event: 'authorization.removed', create_time: createTime, user_openid: openId }),
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('TikTok webhooks', () => {
  it('acts once per event: the record and its effect are one transaction', async () => {
    const c = await creator();
    const event = removed(c.openId, nowSeconds());
    expect(await handleWebhook(event)).toBe('handled');
    expect(await db.tikTokConnection.count({ where: { userId: c.id } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: c.id } })).published).toBe(false);
    expect(await handleWebhook(event)).toBe('duplicate');
  });

  it('a delivery whose effect fails leaves no record, so TikTok\u2019s next delivery does the work', async () => {
    const c = await creator();
    const event = removed(c.openId, nowSeconds());
    const failing = vi.spyOn(lifecycle, 'forgetConnectionIn').mockRejectedValueOnce(new Error('database hiccup'));
    await expect(handleWebhook(event)).rejects.toThrow('database hiccup');
    expect(await db.webhookEvent.count()).toBeGreaterThan(0); // the other tests' records, not this one
    expect(await db.tikTokConnection.count({ where: { userId: c.id } })).toBe(1);
    failing.mockRestore();
    expect(await handleWebhook(event)).toBe('handled');
    expect(await db.tikTokConnection.count({ where: { userId: c.id } })).toBe(0);
  });

  it('ignores an authorization.removed from before the creator reconnected', async () => {
    const c = await creator(new Date());
    expect(await handleWebhook(removed(c.openId, nowSeconds() - 3600))).toBe('outdated');
    expect(await db.tikTokConnection.count({ where: { userId: c.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: c.id } })).published).toBe(true);
    // One from the same second as the connection (TikTok counts whole seconds) still applies.
    expect(await handleWebhook(removed(c.openId, nowSeconds()))).toBe('handled');
  });

  it('ignores events for unknown users and events it does not act on', async () => {
    expect(await handleWebhook(removed('open-nobody', nowSeconds()))).toBe('ignored');
    const c = await creator();
    expect(await handleWebhook({ ...removed(c.openId, nowSeconds()), event: 'video.publish.completed' })).toBe('ignored');
  });
});
