// Signing a sandbox creator in as a browser would (the authorize redirect, the consent form, the
// callback), for the benchmarks: returns the session cookie.

import http from 'node:http';

/**
 * A GET as a browser's top-level navigation, redirects not followed. node:http, not fetch: fetch
 * always sends `Sec-Fetch-Mode: cors`, which the sign-in start refuses (only navigations count).
 * @param {string} url @param {Record<string, string>} headers
 * @returns {Promise<{ status: number, location: string | null, cookie: string }>}
 */
function navigate(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document', ...headers } }, (res) => {
        res.resume();
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location ?? null,
          cookie: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '),
        });
      })
      .on('error', reject);
  });
}

/**
 * @param {string} base the app @param {string} username a sandbox account
 * @param {Record<string, string>} [extra] more headers, e.g. X-Forwarded-For, so many sign-ins are many clients
 * @returns {Promise<string>} the `showreel_session=…` cookie
 */
export async function signInAs(base, username, extra = {}) {
  const start = await navigate(`${base}/api/auth/tiktok`, extra);
  const flowCookie = start.cookie;
  if (!start.location) throw new Error(`starting the sign-in of ${username} failed: ${start.status}`);
  const authorize = new URL(start.location);
  const form = new URLSearchParams({ decision: 'authorize', username });
  for (const k of ['client_key', 'redirect_uri', 'state', 'scope', 'code_challenge', 'code_challenge_method']) form.set(k, authorize.searchParams.get(k) ?? '');
  for (const s of /** @type {string} */ (authorize.searchParams.get('scope')).split(',')) form.append('granted', s);
  const decided = await fetch(`${base}/sandbox/v2/auth/authorize/decide`, { method: 'POST', body: form, redirect: 'manual' });
  const callback = await navigate(/** @type {string} */ (decided.headers.get('location')), { cookie: flowCookie, ...extra });
  const session = callback.cookie.split('; ').find((c) => c.startsWith('showreel_session='));
  if (!session) throw new Error(`sign-in of ${username} failed`);
  return session;
}
