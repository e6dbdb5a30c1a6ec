import 'server-only';
import { jsonError } from '../http';
import { clientIp } from './client';
import { countRequest, type Verdict } from './counter';

// How often one client may do what costs TikTok calls or work: per IP and per browser for anonymous
// starts, per creator for saves. Anyone over the limit gets 429 with Retry-After.
const MINUTE = 60_000;
const LIMITS = {
  qrStart: { perIp: 10, perBrowser: 10 },
  signInStart: { perIp: 30, perBrowser: 10 },
  showcaseSave: { perUser: 30 },
  // A QR page polls every 2.5 s (24 a minute); each poll may cost a check_qrcode.
  qrPoll: { perIp: 120, perBrowser: 60 },
  // The dashboard's picker pages through video/list; a loop must not spend other creators' budget.
  recentVideos: { perUser: 60 },
} as const;

/** The first verdict that says no, counting the request under each of `keys` (all are counted). */
async function firstRefusal(keys: Array<[string, number]>): Promise<Verdict> {
  const verdicts = await Promise.all(keys.map(([key, limit]) => countRequest(key, limit, MINUTE)));
  return verdicts.find((v) => !v.ok) ?? { ok: true };
}

export function limitAnonymousStart(request: Request, kind: 'qrStart' | 'signInStart', browserId: string | null): Promise<Verdict> {
  const limits = LIMITS[kind];
  return firstRefusal([
    [`${kind}:ip:${clientIp(request)}`, limits.perIp],
    ...(browserId ? ([[`${kind}:browser:${browserId}`, limits.perBrowser]] as Array<[string, number]>) : []),
  ]);
}

export function limitQrPolls(request: Request, browserId: string | null): Promise<Verdict> {
  const limits = LIMITS.qrPoll;
  return firstRefusal([
    [`qrPoll:ip:${clientIp(request)}`, limits.perIp],
    ...(browserId ? ([[`qrPoll:browser:${browserId}`, limits.perBrowser]] as Array<[string, number]>) : []),
  ]);
}

export function limitRecentVideos(userId: string): Promise<Verdict> {
  return firstRefusal([[`recentVideos:user:${userId}`, LIMITS.recentVideos.perUser]]);
}

export function limitShowcaseSaves(userId: string): Promise<Verdict> {
  return firstRefusal([[`showcaseSave:user:${userId}`, LIMITS.showcaseSave.perUser]]);
}

/** The API answer to a refused request: 429 in the error shape, with Retry-After. */
export function tooManyRequests(verdict: Extract<Verdict, { ok: false }>, what: string): Response {
  const res = jsonError('rate_limited', `Too many ${what}. Please try again in ${verdict.retryAfterSeconds} s.`, {
    retryAfterSeconds: verdict.retryAfterSeconds,
  });
  res.headers.set('Retry-After', String(verdict.retryAfterSeconds));
  return res;
}
