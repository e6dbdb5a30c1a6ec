import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandoff, redeemHandoff } from '@/lib/native/handoff';
import { db } from '@/lib/platform/db/client';
import { migrateTestDb, newId } from '../support/db';

beforeAll(() => migrateTestDb());

function pair() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function user() {
  const id = newId();
  await db.user.create({ data: { id, openId: `open-${id}`, displayName: 'Native', handle: `n-${id.slice(0, 8)}` } });
  return id;
}

describe('native handoff codes', () => {
  it('are stored only as a hash, with the app\u2019s challenge, and redeem once with the right verifier', async () => {
    const userId = await user();
    const { verifier, challenge } = pair();
    const code = await createHandoff(userId, challenge);
    const rows = await db.oAuthHandoff.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].codeHash).not.toContain(code);
    expect(rows[0].codeHash).toBe(createHash('sha256').update(code).digest('hex'));
    expect(rows[0].challenge).toBe(challenge);
    expect(await redeemHandoff(code, verifier)).toEqual({ ok: true, userId });
    expect(await redeemHandoff(code, verifier)).toEqual({ ok: false, reason: 'expired' });
  });

  it('burn on a missing or wrong verifier: the right one afterwards gets nothing', async () => {
    const userId = await user();
    for (const wrong of [undefined, pair().verifier, 'short', 'x'.repeat(300)]) {
      const { verifier, challenge } = pair();
      const code = await createHandoff(userId, challenge);
      expect(await redeemHandoff(code, wrong)).toEqual({ ok: false, reason: 'wrong_verifier' });
      expect(await redeemHandoff(code, verifier)).toEqual({ ok: false, reason: 'expired' });
    }
  });

  it('expire after 60 seconds, and an unknown code redeems nothing', async () => {
    const userId = await user();
    const { verifier, challenge } = pair();
    const code = await createHandoff(userId, challenge);
    await db.oAuthHandoff.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await redeemHandoff(code, verifier)).toEqual({ ok: false, reason: 'expired' });
    expect(await redeemHandoff(randomBytes(32).toString('base64url'), verifier)).toEqual({ ok: false, reason: 'expired' });
  });

  it('of two redemptions at once, one at most succeeds', async () => {
    const userId = await user();
    const { verifier, challenge } = pair();
    const code = await createHandoff(userId, challenge);
    const results = await Promise.all(Array.from({ length: 8 }, () => redeemHandoff(code, verifier)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});
