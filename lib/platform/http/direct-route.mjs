// Route handlers `npm start`'s server (scripts/server.mjs) calls itself, without Next's request
// pipeline around them: the counting script's beacons (`POST /api/events`, one per page view). The
// public page is answered without Next once cached (./response-cache.mjs), and its beacons must keep
// up with it (issue 20). The handler is the app's own route, wrapper and all (zod, the body cap, the
// Origin check, the rate limit), registered by instrumentation.ts; only the transport differs.
// Anything else about such a request (another method, a query, no declared length, a large body)
// goes to Next as before.

/** @import { IncomingMessage, ServerResponse } from 'node:http' */

/** Where the app registers its direct routes, by exact path. */
export const DIRECT_ROUTES = Symbol.for('showreel.directRoutes');

/** Bodies larger than this (declared) go through Next, whose route answers 413. */
const MAX_DIRECT_BODY = 16 * 1024;

/** @typedef {(request: Request) => Promise<Response>} Handler */

/**
 * The handler for this request, when the server may call it directly.
 * @param {IncomingMessage} req
 * @param {Record<string, Handler> | undefined} routes
 * @returns {Handler | null}
 */
export function directHandler(req, routes) {
  if (req.method !== 'POST' || !routes || !req.url || !Object.hasOwn(routes, req.url)) return null;
  const declared = req.headers['content-length'];
  if (declared === undefined || req.headers['transfer-encoding'] !== undefined) return null;
  const length = Number(declared);
  if (!Number.isInteger(length) || length < 0 || length > MAX_DIRECT_BODY) return null;
  return routes[req.url];
}

/** @param {IncomingMessage} req @returns {Promise<Buffer>} */
function bodyOf(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The bodies read here, by their Request, for the app's body readers (readText in
 * lib/platform/http/index.ts, through handedBody): a Request built with a body would copy it into a
 * stream only for the route to read it back out. One map per process, whichever module graph
 * (this server's, the app's) loads this file first.
 */
export const READ_BODIES = Symbol.for('showreel.readBodies');
const processWide = /** @type {Record<symbol, WeakMap<Request, Buffer> | undefined>} */ (globalThis);
processWide[READ_BODIES] ??= new WeakMap();
const readBodies = processWide[READ_BODIES];

/**
 * The body `npm start`'s server read for `request` before handing it to its route, if it did.
 * @param {Request} request
 * @returns {Buffer | undefined}
 */
export function handedBody(request) {
  return processWide[READ_BODIES]?.get(request);
}

/**
 * Calls `handler` with the request as a Web Request (its URL as Next builds it: the forwarded
 * protocol, the Host; its body handed over as read) and writes the Response it returns.
 * @param {Handler} handler @param {IncomingMessage} req @param {ServerResponse} res
 */
export async function callDirect(handler, req, res) {
  try {
    const body = await bodyOf(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const forwarded = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim();
    const protocol = forwarded === 'https' ? 'https' : 'http';
    const request = new Request(`${protocol}://${req.headers.host ?? 'localhost'}${req.url}`, { method: req.method, headers });
    readBodies.set(request, body);
    const response = await handler(request);
    res.statusCode = response.status;
    // What Next's headers rule would add to an API answer that matters for a JSON body.
    res.setHeader('X-Content-Type-Options', 'nosniff');
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') res.setHeader(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader('set-cookie', cookies);
    res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
  } catch {
    // The route answers its own errors; this is a connection that broke while its body was read.
    if (!res.headersSent)
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"bad_request","message":"The request could not be read."}}');
    else res.destroy();
  }
}
