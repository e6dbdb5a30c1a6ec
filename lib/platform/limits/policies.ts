import 'server-only';
import { jsonError } from '../http';
import { clientIp } from './client';
import { countRequest, uncount, type Verdict } from './counter';

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
  // "Refresh now" syncs the creator at once (up to seven TikTok calls): once a minute is plenty.
  refreshNow: { perUser: 1 },
  // A rule's live preview may read the newest videos again (five video/list pages at most).
  rulePreview: { perUser: 30 },
  // Each link costs TikTok a short-link resolution and an oEmbed call, and a thumbnail copy.
  videoByLink: { perUser: 20 },
} as const;

/**
 * Counts the request under each of `keys` in order and stops at the first that says no: a refused
 * request is counted nowhere (each counter takes back its own refusal, and the later ones are not
 * asked), so an address over its limit does not fill the per-browser counters too.
 */
export async function firstRefusal(keys: Array<[string, number]>, now = Date.now()): Promise<Verdict> {
  const passed: string[] = [];
  for (const [key, limit] of keys) {
    const verdict = await countRequest(key, limit, MINUTE, now);
    if (!verdict.ok) {
      await Promise.all(passed.map((k) => uncount(k, MINUTE, now)));
      return verdict;
    }
    passed.push(key);
  }
  return { ok: true };
}

/**
 * An anonymous start, counted per address and per browser. A browser without an id yet (no cookie)
 * is given one by `mintBrowserId` only once the request is let through, and counted then: a refused
 * cookieless request leaves no counter behind (it used to leave one per request), a served one
 * starts the browser's own, so its limit holds wherever it goes next.
 */
export async function limitAnonymousStart(
  request: Request,
  kind: 'qrStart' | 'signInStart',
  browserId: string | null,
  mintBrowserId?: () => Promise<string>,
): Promise<Verdict> {
  const limits = LIMITS[kind];
  const now = Date.now();
  const verdict = await firstRefusal(
    [
      [`${kind}:ip:${clientIp(request)}`, limits.perIp],
      ...(browserId ? ([[`${kind}:browser:${browserId}`, limits.perBrowser]] as Array<[string, number]>) : []),
    ],
    now,
  );
  if (verdict.ok && !browserId && mintBrowserId) await countRequest(`${kind}:browser:${await mintBrowserId()}`, limits.perBrowser, MINUTE, now);
  return verdict;
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

export function limitRefreshNow(userId: string): Promise<Verdict> {
  return firstRefusal([[`refreshNow:user:${userId}`, LIMITS.refreshNow.perUser]]);
}

export function limitRulePreviews(userId: string): Promise<Verdict> {
  return firstRefusal([[`rulePreview:user:${userId}`, LIMITS.rulePreview.perUser]]);
}

export function limitVideosByLink(userId: string): Promise<Verdict> {
  return firstRefusal([[`videoByLink:user:${userId}`, LIMITS.videoByLink.perUser]]);
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
