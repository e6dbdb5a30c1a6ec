// The one place that decides how every answer may be cached, by browsers and by a shared cache (the
// edge in front: Varnish, a CDN). `npm start`'s server (scripts/server.mjs) applies it to each
// response just before its headers leave, whatever the page or route set. Plain JS, since the
// server script loads it outside the app's bundle.
//
// - Anything that sets a cookie, and every private surface (dashboard, session and account APIs,
//   sign-in routes, the sandbox): `private, no-store`. No shared cache may keep them.
// - Public surfaces of a showcase (page, embeds, share image, JSON API, oEmbed, images, sitemap,
//   robots.txt, embed.js), answered 200 (or 304): kept by the edge until purged (a year's s-maxage), while
//   browsers revalidate every time (max-age=0; ETags make that a 304). Their cache tags go out in
//   the three headers edges read: `xkey` (Varnish's xkey module), `Surrogate-Key` (Fastly),
//   `Cache-Tag` (Cloudflare). Answers whose URL names their content (`/img/{hash}/…`,
//   `/embed.js?v={hash}`) stay immutable for browsers too.
// - Anything else (the landing page, /watch, old cover redirects, Next's prerendered pages, which
//   claim a shared lifetime of their own): revalidated every time and kept by no shared cache, since
//   nothing would purge it there. Only what names its content (/_next/static/…, immutable) is left
//   as it is.

/** Kept by shared caches until purged; browsers ask again each time. */
export const SHARED = 'public, max-age=0, must-revalidate, s-maxage=31536000';
/** Never kept by a shared cache, nor stored by the browser. */
export const PRIVATE = 'private, no-store';
/** Public, but kept by no cache past this answer. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';
/**
 * A tag on every tagged answer: purging it empties the edge of the app's answers, the step after a
 * deployment (`npm run edge:purge -- site`), since cached pages name the old build's scripts.
 */
export const SITE_TAG = 'site';
/** The headers that carry a response's cache tags, one per kind of edge. */
export const TAG_HEADERS = ['xkey', 'surrogate-key', 'cache-tag'];

const PRIVATE_PATHS = /^\/(?:dashboard|login|auth|sandbox|native-callback)(?:[/?#]|$)/;
const PUBLIC_APIS = /^\/api\/(?:public\/|oembed(?:[/?#]|$))/;

/** @param {string} path */
export const isPrivatePath = (path) => PRIVATE_PATHS.test(path) || (/^\/api(?:[/?#]|$)/.test(path) && !PUBLIC_APIS.test(path));

/**
 * The caching headers of one answer.
 * @param {{ target: string, status: number, cacheControl: string | undefined, setsCookie: boolean, tags: string[] | null }} answer
 *   target: the request's path and query; tags: the answer's cache tags when it is a public surface
 *   (lib/showcase/edge-tags.ts), else null.
 * @returns {{ cacheControl: string | undefined, tags: string[] }} cacheControl undefined: leave it as it is
 */
export function cachePolicy({ target, status, cacheControl, setsCookie, tags }) {
  const path = target.split('?')[0];
  if (setsCookie || isPrivatePath(path)) return { cacheControl: PRIVATE, tags: [] };
  if (tags) {
    // A 304 is the same answer, revalidated: it keeps the answer's lifetime and tags.
    if (status !== 200 && status !== 304) return { cacheControl: REVALIDATE, tags: [] };
    // No tag: nothing purges it (embed.js, which changes with a deployment), so it keeps its own lifetime.
    if (tags.length === 0) return { cacheControl: undefined, tags: [] };
    const all = [...tags, SITE_TAG];
    return { cacheControl: /\bimmutable\b/.test(cacheControl ?? '') ? undefined : SHARED, tags: all };
  }
  // Next's build output (/_next/static/…) and the icons name their content: left as they are.
  if (path.startsWith('/_next/static/') || /\bimmutable\b/.test(cacheControl ?? '')) return { cacheControl: undefined, tags: [] };
  return { cacheControl: REVALIDATE, tags: [] };
}

/**
 * The header values for `tags`: space-separated for xkey and Surrogate-Key, commas for Cache-Tag.
 * @param {string[]} tags
 */
export function tagHeaders(tags) {
  const spaced = tags.join(' ');
  return { xkey: spaced, 'surrogate-key': spaced, 'cache-tag': tags.join(',') };
}

/**
 * Makes `res` follow the policy: its caching headers are decided when its head is written, once
 * the page or route has set everything (a late Set-Cookie included).
 * @param {import('node:http').ServerResponse} res
 * @param {string} target the request's path and query
 * @param {((target: string) => string[] | null) | undefined} tagsOf the app's tags of a public surface
 */
export function applyCachePolicy(res, target, tagsOf) {
  const writeHead = res.writeHead;
  /** @type {any} */
  const wrapped = (/** @type {number} */ status, /** @type {any[]} */ ...rest) => {
    const message = typeof rest[0] === 'string' ? rest[0] : undefined;
    let headers = message === undefined ? rest[0] : rest[1];
    if (headers && !Array.isArray(headers)) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
      headers = undefined;
    }
    let tags = null;
    try {
      // A private answer has no tags to tell (and a beacon should not pay for asking).
      tags = tagsOf && !isPrivatePath(target.split('?')[0]) ? tagsOf(target) : null;
    } catch {
      tags = null; // an answer whose tags cannot be told is kept by no shared cache
    }
    const current = res.getHeader('cache-control');
    const policy = cachePolicy({
      target,
      status,
      cacheControl: current === undefined ? undefined : String(current),
      setsCookie: res.hasHeader('set-cookie'),
      tags,
    });
    if (policy.cacheControl !== undefined) res.setHeader('Cache-Control', policy.cacheControl);
    for (const name of TAG_HEADERS) res.removeHeader(name);
    if (policy.tags.length) for (const [k, v] of Object.entries(tagHeaders(policy.tags))) res.setHeader(k, v);
    const original = /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */ (writeHead);
    return message === undefined ? original.call(res, status, headers) : original.call(res, status, message, headers);
  };
  res.writeHead = wrapped;
}
