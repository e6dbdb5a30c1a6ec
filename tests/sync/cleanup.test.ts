import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db/client';
import { purgeExpired } from '@/lib/sync/cleanup';
import { migrateTestDb, newId } from '../support/db';

beforeAll(() => migrateTestDb());

const HOUR = 3600_000;

describe('purgeExpired (run by every sync)', () => {
  it('deletes QR sessions, handoff codes, webhook ids and leases past their use, and keeps the rest', async () => {
    const now = Date.now();
    const userId = newId();
    await db.user.create({ data: { id: userId, openId: `open-${userId}`, displayName: 'Cleanup', handle: `c-${userId.slice(0, 8)}` } });
    const qr = (id: string, expiresAt: number) =>
      db.qrSession.create({ data: { id, token: `t-${id}`, clientTicket: 'ct', browserId: 'b', state: 's', expiresAt: new Date(expiresAt) } });
    const [oldQr, newQr] = [newId(), newId()];
    await qr(oldQr, now - 2 * HOUR);
    await qr(newQr, now - 30 * 60_000); // expired, but polled pages may still ask for half an hour more
    const [oldCode, newCode] = [`h-${newId()}`, `h-${newId()}`];
    await db.oAuthHandoff.create({ data: { codeHash: oldCode, userId, expiresAt: new Date(now - 2 * HOUR) } });
    await db.oAuthHandoff.create({ data: { codeHash: newCode, userId, expiresAt: new Date(now + 60_000) } });
    const [oldEvent, newEvent] = [`w-${newId()}`, `w-${newId()}`];
    await db.webhookEvent.create({ data: { id: oldEvent, event: 'authorization.removed', receivedAt: new Date(now - 8 * 24 * HOUR) } });
    await db.webhookEvent.create({ data: { id: newEvent, event: 'authorization.removed', receivedAt: new Date(now - 24 * HOUR) } });
    const [oldLease, newLease] = [`l-${newId()}`, `l-${newId()}`];
    await db.lease.create({ data: { key: oldLease, holder: 'x', expiresAt: new Date(now - 2 * HOUR) } });
    await db.lease.create({ data: { key: newLease, holder: 'x', expiresAt: new Date(now + 60_000) } });

    expect(await purgeExpired(now)).toBeGreaterThanOrEqual(4);

    expect(await db.qrSession.findMany({ where: { id: { in: [oldQr, newQr] } }, select: { id: true } })).toEqual([{ id: newQr }]);
    expect(await db.oAuthHandoff.findMany({ where: { codeHash: { in: [oldCode, newCode] } }, select: { codeHash: true } })).toEqual([{ codeHash: newCode }]);
    expect(await db.webhookEvent.findMany({ where: { id: { in: [oldEvent, newEvent] } }, select: { id: true } })).toEqual([{ id: newEvent }]);
    expect(await db.lease.findMany({ where: { key: { in: [oldLease, newLease] } }, select: { key: true } })).toEqual([{ key: newLease }]);
  });
});
