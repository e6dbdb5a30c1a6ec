import 'server-only';
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { signInWithTokens } from '../account/sign-in';
import { randomToken } from '../auth/pkce';
import { env } from '../platform/config/env';
import { db } from '../platform/db/client';
import { checkQrCode, exchangeCode, getQrCode, withClientTicket } from '../tiktok/client';
import type { QrStatus } from '../tiktok/types';

const QR_SESSION_TTL_MS = 5 * 60_000;
export const QR_CHECK_INTERVAL_MS = 2_000;

type QrStart = { id: string; scanUrl: string; svg: string };

/** Asks TikTok for a QR session, fills in our own ticket, and keeps it for this browser. */
export async function startQrLogin(browserId: string): Promise<QrStart> {
  const state = randomToken(16);
  const { scanUrl, token } = await getQrCode({ state });
  const clientTicket = randomToken(24);
  const url = withClientTicket(scanUrl, clientTicket);
  const id = randomUUID();
  await db.qrSession.create({
    data: { id, token, clientTicket, browserId, state, status: 'new', expiresAt: new Date(Date.now() + QR_SESSION_TTL_MS) },
  });
  await purgeQrSessions();
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return { id, scanUrl: url, svg };
}

/** QR sessions that expired over an hour ago: nobody polls them any more. */
export function purgeQrSessions(now = Date.now()) {
  return db.qrSession.deleteMany({ where: { expiresAt: { lt: new Date(now - 3600_000) } } });
}

type QrPoll = { status: Exclude<QrStatus, 'confirmed'> } | { status: 'confirmed'; userId: string } | { status: 'not_found' } | { status: 'ticket_mismatch' };

/**
 * One poll, from the server (the client secret never leaves it). A session belongs to the browser
 * that started it. On "confirmed" the code is exchanged exactly like a web sign-in, once.
 */
export async function pollQrLogin(id: string, browserId: string): Promise<QrPoll> {
  const session = await db.qrSession.findUnique({ where: { id } });
  if (!session || session.browserId !== browserId) return { status: 'not_found' };
  if (session.status === 'confirmed' || session.status === 'used' || session.status === 'expired') {
    return session.status === 'confirmed' ? { status: 'used' } : { status: session.status };
  }
  if (session.expiresAt.getTime() < Date.now()) {
    await db.qrSession.update({ where: { id }, data: { status: 'expired' } });
    return { status: 'expired' };
  }
  // One check_qrcode per session every 2 seconds at most, whatever the browser does: a faster poll
  // is answered from what the last check stored.
  const checkNow = await db.qrSession.updateMany({
    where: { id, OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lt: new Date(Date.now() - QR_CHECK_INTERVAL_MS) } }] },
    data: { lastCheckedAt: new Date() },
  });
  if (checkNow.count !== 1) return { status: session.status as 'new' | 'scanned' };
  const check = await checkQrCode(session.token);
  if ((check.status === 'scanned' || check.status === 'confirmed') && check.clientTicket !== session.clientTicket) {
    await db.qrSession.update({ where: { id }, data: { status: 'expired' } });
    return { status: 'ticket_mismatch' };
  }
  if (check.status !== 'confirmed') {
    if (check.status !== session.status) await db.qrSession.updateMany({ where: { id, status: session.status }, data: { status: check.status } });
    return { status: check.status };
  }
  if (!check.code || (check.state !== null && check.state !== session.state)) return { status: 'ticket_mismatch' };
  // Claim the exchange: of two polls arriving together, only one trades the code.
  const claimed = await db.qrSession.updateMany({ where: { id, status: { in: ['new', 'scanned'] } }, data: { status: 'confirmed' } });
  if (claimed.count !== 1) return { status: 'scanned' };
  const tokens = await exchangeCode({ code: check.code, redirectUri: env().redirectUri });
  return { status: 'confirmed', userId: await signInWithTokens(tokens) };
}
