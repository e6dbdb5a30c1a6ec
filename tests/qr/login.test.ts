import { HttpResponse, http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/platform/db/client';
import { pollQrLogin, QR_CHECK_INTERVAL_MS, startQrLogin } from '@/lib/qr/login';
import { migrateTestDb } from '../support/db';
import { API, setupMsw } from '../support/msw';

// The QR sign-in state machine on a real database, with TikTok answered by MSW: a change to any
// transition is caught here in seconds.
const server = setupMsw();
beforeAll(() => migrateTestDb());

type Check = { status: string; client_ticket?: string; code?: string; state?: string };

/** TikTok's QR endpoints: get_qrcode hands out `token`; check_qrcode answers whatever `next()` says. */
function tiktok(token: string, next: () => Check) {
  const calls = { check: 0, exchange: 0 };
  server.use(
    http.post(`${API}/v2/oauth/get_qrcode/`, () => HttpResponse.json({ scan_qrcode_url: `https://www.tiktok.com/qr?token=${token}`, token })),
    http.post(`${API}/v2/oauth/check_qrcode/`, () => {
      calls.check++;
      return HttpResponse.json(next());
    }),
    http.post(`${API}/v2/oauth/token/`, () => {
      calls.exchange++;
      return HttpResponse.json({
        access_token: `act.${token}`,
        expires_in: 86400,
        open_id: `open-${token}`,
        refresh_expires_in: 31536000,
        refresh_token: `rft.${token}`,
        scope: 'user.info.basic',
        token_type: 'Bearer',
      });
    }),
    http.get(`${API}/v2/user/info/`, () =>
      HttpResponse.json({ data: { user: { open_id: `open-${token}`, display_name: 'Qr Person' } }, error: { code: 'ok', message: '', log_id: '1' } }),
    ),
  );
  return calls;
}

/** A poll after the 2-second spacing (the stored check time is moved back, as if time had passed). */
async function pollLater(id: string, browser = 'browser-1') {
  await db.qrSession.update({ where: { id }, data: { lastCheckedAt: new Date(Date.now() - QR_CHECK_INTERVAL_MS - 1) } });
  return pollQrLogin(id, browser);
}

let n = 0;
async function started(next: () => Check) {
  const token = `qr-token-${++n}-${Date.now()}`;
  const calls = tiktok(token, next);
  const start = await startQrLogin('browser-1');
  const ticket = new URL(start.scanUrl).searchParams.get('client_ticket') ?? '';
  return { ...start, ticket, calls };
}

describe('QR sign-in', () => {
  it('fills in its own client_ticket and draws the QR image', async () => {
    const s = await started(() => ({ status: 'new' }));
    expect(s.ticket.length).toBeGreaterThan(20);
    expect(s.svg).toMatch(/^<svg/);
    expect((await db.qrSession.findUniqueOrThrow({ where: { id: s.id } })).clientTicket).toBe(s.ticket);
  });

  it('walks new → scanned → confirmed → used, exchanging the code once', async () => {
    let answer: Check = { status: 'new' };
    const s = await started(() => answer);
    expect(await pollQrLogin(s.id, 'browser-1')).toEqual({ status: 'new' });
    answer = { status: 'scanned', client_ticket: s.ticket };
    expect(await pollLater(s.id)).toEqual({ status: 'scanned' });
    const state = (await db.qrSession.findUniqueOrThrow({ where: { id: s.id } })).state;
    answer = { status: 'confirmed', client_ticket: s.ticket, code: 'the-code', state };
    const confirmed = await pollLater(s.id);
    expect(confirmed.status).toBe('confirmed');
    expect(s.calls.exchange).toBe(1);
    expect(await pollLater(s.id)).toEqual({ status: 'used' });
    expect(s.calls.exchange).toBe(1);
  });

  it('refuses a scan or confirmation carrying another client_ticket, and ends the session', async () => {
    const s = await started(() => ({ status: 'scanned', client_ticket: 'someone-elses' }));
    expect(await pollQrLogin(s.id, 'browser-1')).toEqual({ status: 'ticket_mismatch' });
    expect((await db.qrSession.findUniqueOrThrow({ where: { id: s.id } })).status).toBe('expired');
    expect(await pollLater(s.id)).toEqual({ status: 'expired' });
  });

  it('expires on TikTok\u2019s word, and on its own clock without asking TikTok', async () => {
    const s = await started(() => ({ status: 'expired' }));
    expect(await pollQrLogin(s.id, 'browser-1')).toEqual({ status: 'expired' });
    const t = await started(() => ({ status: 'new' }));
    await db.qrSession.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await pollQrLogin(t.id, 'browser-1')).toEqual({ status: 'expired' });
    expect(t.calls.check).toBe(0);
  });

  it('belongs to the browser that started it', async () => {
    const s = await started(() => ({ status: 'new' }));
    expect(await pollQrLogin(s.id, 'another-browser')).toEqual({ status: 'not_found' });
    expect(s.calls.check).toBe(0);
  });

  it('asks TikTok at most once per 2 seconds per session, answering faster polls from the stored status', async () => {
    const s = await started(() => ({ status: 'scanned', client_ticket: s.ticket }));
    const answers = await Promise.all(Array.from({ length: 10 }, () => pollQrLogin(s.id, 'browser-1')));
    expect(s.calls.check).toBe(1);
    expect(answers.filter((a) => a.status === 'scanned')).toHaveLength(1);
    expect(answers.filter((a) => a.status === 'new')).toHaveLength(9);
    expect(await pollQrLogin(s.id, 'browser-1')).toEqual({ status: 'scanned' });
    expect(s.calls.check).toBe(1);
  });
});
