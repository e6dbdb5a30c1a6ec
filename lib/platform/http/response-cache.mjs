// The origin's answers to its hottest requests, kept whole in this process (issue 21, §2). A CPU
// profile of a cached public page showed most of each request's time in Next's own handling: route
// resolution, the page cache lookup, the ETag hashed over the whole page in JavaScript, the headers.
// Here `npm start`'s server (scripts/server.mjs) answers a request it has answered a moment ago
// with the same bytes and headers, without entering Next, as long as nothing could have changed them:
//
// - Only what Next itself served from its page cache (`x-nextjs-cache: HIT`, 200, no Set-Cookie) of
//   a public surface with cache tags (lib/showcase/edge-tags.ts) is kept; a request that varies it
//   (an RSC or prefetch request, a Range) always goes to Next. Next keys those entries by path alone,
//   so their bytes are the same for every visitor; kept apart by request target and by whether the
//   client takes gzip.
// - A change drops them as it drops Next's: revalidateEverywhere (lib/platform/cache/revalidate.ts)
//   calls drop() with the change's tags in this process, and with Redis each hit is checked against
//   the tags' revalidation records first (the same records Next's cache layer checks, so a save on
//   any instance shows on this one's next request); while Redis is away nothing is served from here.
// - At most `maxEntries` answers and `maxBytes` of bodies (64 MB), the least recently stored
//   forgotten first: a flood of query strings costs hits, never memory.
// - Each answer is kept for a short while only (ORIGIN_CACHE_TTL_MS): Next's own timed
//   revalidation then sees the next request as before.
// - After a drop, what arrives within `graceMs` is answered by Next but not kept: Next finishes its
//   own revalidation after the change's response has left, and a page it served from the old entry
//   in that moment must not be kept here.

/** @import { IncomingMessage, ServerResponse } from 'node:http' */

/** @typedef {{ status: number, headers: Record<string, string | string[] | number>, body: Buffer, etag: string | undefined, tags: string[], storedAt: number, expiresAt: number }} Kept */

/** Request headers that make Next answer something else than the page (RSC payloads, prefetches) or a part of it. */
const VARYING = ['rsc', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-router-state-tree', 'next-url', 'next-action', 'range'];
/** Response headers that belong to one connection or one answer, not to what is kept. */
const PER_ANSWER = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
/** What a 304 leaves out: it has no body. */
const BODY_HEADERS = new Set(['content-type', 'content-encoding']);
/** The header that tells a client (and a test) this process answered from here. */
export const ORIGIN_CACHE_HEADER = 'x-showreel-origin-cache';

/**
 * Whether a client takes gzip (Accept-Encoding names gzip or *, without q=0).
 * @param {string | undefined} acceptEncoding
 */
export function takesGzip(acceptEncoding) {
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(coding.trim(), weight === undefined ? 1 : Number(weight.slice(2)));
  }
  // An explicit gzip entry wins over `*` (RFC 9110, 12.5.3).
  const weight = q.get('gzip') ?? q.get('*');
  return weight !== undefined && weight > 0;
}

/**
 * Whether an answer kept since `storedAt` (this process's clock) is still fresh against its tags'
 * revalidation records (written with the clocks of the instances that made the changes): only
 * when each record is older by more than `marginMs`, what instances' clocks and a record's trip
 * through Redis may differ by. A change just before the answer costs a miss, never a stale hit.
 * @param {(string | null)[]} records @param {number} storedAt
 */
export function freshAgainst(records, storedAt, marginMs = 1_000) {
  return records.every((t) => !t || Number.parseInt(t, 10) + marginMs < storedAt);
}

/** @param {string} inm an If-None-Match header @param {string} etag */
export function etagMatches(inm, etag) {
  const weak = (/** @type {string} */ t) => t.trim().replace(/^W\//, '');
  return inm.trim() === '*' || inm.split(',').some((t) => weak(t) === weak(etag));
}

/**
 * @param {{
 *   ttlMs: number,
 *   tagsOf: () => ((target: string) => string[] | null) | undefined,
 *   isFresh?: (tags: string[], storedAt: number) => Promise<boolean>,
 *   graceMs?: number, maxEntries?: number, maxBytes?: number, maxBodyBytes?: number, now?: () => number,
 * }} options
 *   tagsOf: the app's tags of a public surface (registered by instrumentation.ts once the app runs);
 *   isFresh: with Redis, whether no tag was revalidated since `storedAt` (false while Redis is away)
 */
export function createResponseCache({
  ttlMs,
  tagsOf,
  isFresh,
  graceMs = 1_000,
  maxEntries = 500,
  maxBytes = 64_000_000,
  maxBodyBytes = 2_000_000,
  now = Date.now,
}) {
  /** Insertion order is recency order, as in the page cache's memory layer. @type {Map<string, Kept>} */
  const entries = new Map();
  /** The bodies' bytes kept, at most maxBytes. */
  let bytes = 0;
  /** @param {string} key */
  const forget = (key) => {
    const kept = entries.get(key);
    if (!kept) return;
    bytes -= kept.body.length;
    entries.delete(key);
  };
  /** When each tag was last dropped here (pruned once nothing can arrive before it any more). @type {Map<string, number>} */
  const dropped = new Map();
  // Hits of one entry in one turn of the event loop share one freshness check, sent at its end:
  // each request it answers arrived before it was sent (as the page cache's memory layer does).
  /** @type {Map<Kept, Promise<boolean>>} */
  const checks = new Map();

  /** @param {Kept} kept */
  const checkSoon = (kept) => {
    let result = checks.get(kept);
    if (!result) {
      result = new Promise((resolve) =>
        setImmediate(() => {
          checks.delete(kept);
          /** @type {NonNullable<typeof isFresh>} */ (isFresh)(kept.tags, kept.storedAt).then(resolve, () => resolve(false));
        }),
      );
      checks.set(kept, result);
    }
    return result;
  };

  /** @param {IncomingMessage} req */
  const keyOf = (req) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return null;
    for (const name of VARYING) if (req.headers[name] !== undefined) return null;
    return `${takesGzip(req.headers['accept-encoding']) ? 'gzip' : 'identity'} ${req.url}`;
  };

  /** @param {Kept} kept @param {IncomingMessage} req @param {ServerResponse} res */
  function send(kept, req, res) {
    const inm = req.headers['if-none-match'];
    const notModified = typeof inm === 'string' && kept.etag !== undefined && etagMatches(inm, kept.etag);
    /** @type {Kept['headers']} */
    const headers = { ...kept.headers, [ORIGIN_CACHE_HEADER]: 'HIT' };
    if (notModified) {
      for (const name of BODY_HEADERS) delete headers[name];
      res.writeHead(304, headers).end();
      return;
    }
    headers['content-length'] = kept.body.length;
    res.writeHead(kept.status, headers).end(req.method === 'HEAD' ? undefined : kept.body);
  }

  /** @param {string[]} tags @param {number} at */
  const droppedSince = (tags, at) => tags.some((t) => (dropped.get(t) ?? -Infinity) + graceMs > at);

  /**
   * Keeps what Next answers to `req`, if it may be kept.
   * @param {string} key @param {string[]} tags @param {IncomingMessage} req @param {ServerResponse} res
   */
  function capture(key, tags, req, res) {
    const arrived = now();
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let keep = req.method === 'GET';
    /** @param {unknown} chunk @param {unknown} encoding */
    const collect = (chunk, encoding) => {
      if (!keep || chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(String(chunk), typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8');
      size += buffer.length;
      if (size > maxBodyBytes) {
        keep = false;
        chunks.length = 0;
      } else chunks.push(Buffer.from(buffer));
    };
    const { write, end, writeHead } = res;
    // Whether the answer may be kept is known from its head: nothing of the body is copied otherwise.
    // (A head written with an array of raw headers is not in getHeaders(): such an answer is not kept.)
    res.writeHead = /** @type {typeof res.writeHead} */ (
      (/** @type {any[]} */ ...args) => {
        if (args.some((a) => Array.isArray(a)) || !keepable(Number(args[0]), res)) {
          keep = false;
          chunks.length = 0;
        }
        return /** @type {any} */ (writeHead).apply(res, args);
      }
    );
    res.write = /** @type {typeof res.write} */ (
      (/** @type {any[]} */ ...args) => {
        collect(args[0], args[1]);
        return /** @type {any} */ (write).apply(res, args);
      }
    );
    res.end = /** @type {typeof res.end} */ (
      (/** @type {any[]} */ ...args) => {
        collect(args[0], args[1]);
        const result = /** @type {any} */ (end).apply(res, args);
        if (keep) store(key, tags, res, Buffer.concat(chunks), arrived);
        return result;
      }
    );
  }

  /** What Next served from its page cache, successfully, to no one in particular. @param {number} status @param {ServerResponse} res */
  const keepable = (status, res) => status === 200 && res.getHeader('x-nextjs-cache') === 'HIT' && !res.hasHeader('set-cookie');

  /** @param {string} key @param {string[]} tags @param {ServerResponse} res @param {Buffer} body @param {number} arrived */
  function store(key, tags, res, body, arrived) {
    if (!keepable(res.statusCode, res)) return;
    if (droppedSince(tags, arrived)) return;
    // Kept for clients like this one: plain for those that take no gzip (never a deflate answer).
    const encoding = res.getHeader('content-encoding');
    if (encoding !== undefined && !(key.startsWith('gzip ') && String(encoding) === 'gzip')) return;
    /** @type {Kept['headers']} */
    const headers = {};
    for (const [name, value] of Object.entries(res.getHeaders())) if (value !== undefined && !PER_ANSWER.has(name)) headers[name] = value;
    const etag = res.getHeader('etag');
    forget(key);
    entries.set(key, { status: 200, headers, body, etag: etag === undefined ? undefined : String(etag), tags, storedAt: arrived, expiresAt: arrived + ttlMs });
    bytes += body.length;
    while (entries.size > maxEntries || bytes > maxBytes) forget(/** @type {string} */ (entries.keys().next().value));
  }

  return {
    /**
     * Answers `req` from here when it can (resolves true); otherwise hands it to `next`, keeping the
     * answer when it may be kept (resolves false).
     * @param {IncomingMessage} req @param {ServerResponse} res @param {() => unknown} next
     */
    async handle(req, res, next) {
      const key = ttlMs > 0 ? keyOf(req) : null;
      if (!key) {
        next();
        return false;
      }
      const kept = entries.get(key);
      if (kept && kept.expiresAt > now()) {
        if (!isFresh || (await checkSoon(kept))) {
          send(kept, req, res);
          return true;
        }
        if (entries.get(key) === kept) forget(key);
      } else if (kept) forget(key);
      let tags = null;
      try {
        tags = tagsOf()?.(req.url ?? '/') ?? null;
      } catch {
        tags = null;
      }
      if (tags?.length) capture(key, tags, req, res);
      next();
      return false;
    },
    /** Forgets every answer tagged with one of `tags` (a change in this process). @param {string[]} tags */
    drop(tags) {
      const at = now();
      for (const t of tags) dropped.set(t, at);
      for (const [key, kept] of entries) if (kept.tags.some((t) => tags.includes(t))) forget(key);
      if (dropped.size > 10_000) for (const [t, when] of dropped) if (when + graceMs + 60_000 < at) dropped.delete(t);
    },
    /** Forgets everything (Redis was away: records written meanwhile may be lost). */
    clear() {
      entries.clear();
      bytes = 0;
    },
    get size() {
      return entries.size;
    },
    /** The bodies' bytes kept. */
    get bytes() {
      return bytes;
    },
  };
}

/** @typedef {ReturnType<typeof createResponseCache>} ResponseCache */

/** Where the app (another module graph in the same process) finds this process's cache to drop from. */
export const RESPONSE_CACHE = Symbol.for('showreel.responseCache');

/**
 * Drops `tags` from this process's response cache, when `npm start`'s server has one (the app and
 * the cache handlers are other module graphs, so it is found on globalThis).
 * @param {string[]} tags
 */
export function dropFromResponseCache(tags) {
  /** @type {{ [RESPONSE_CACHE]?: { drop: (tags: string[]) => void } }} */ (globalThis)[RESPONSE_CACHE]?.drop(tags);
}
