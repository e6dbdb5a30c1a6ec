// `npm start`: Next's production server in this process, so that a stop is graceful. On SIGTERM or
// SIGINT it stops accepting connections, lets in-flight requests finish, hands back the leases
// this process holds, closes the database pool and the Redis client, and exits 0, within 10 s.
// Flags as `next start`: -H/--hostname, -p/--port (default $PORT or 3000).
import { createServer } from 'node:http';
import next from 'next';
import { settings } from '../lib/platform/config/index.mjs';
import { EnvError } from '../lib/platform/config/schema.mjs';
import { applyCachePolicy } from '../lib/platform/http/cache-policy.mjs';
import { compressHtml } from '../lib/platform/http/compress-html.mjs';
import { callDirect, DIRECT_ROUTES, directHandler } from '../lib/platform/http/direct-route.mjs';
import { clientErrorResponse, gate } from '../lib/platform/http/gate.mjs';
import { openOriginCache } from '../lib/platform/http/origin-cache.mjs';

const STOP_DEADLINE_MS = 10_000;

// What this script and the app (another module graph, in the same process) hand each other.
const processWide = /** @type {Record<symbol, unknown>} */ (globalThis);

/** @param {string[]} names @param {string} fallback */
function flag(names, fallback) {
  const i = process.argv.findIndex((a) => names.includes(a));
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/**
 * The settings (lib/platform/config/index.mjs): a bad value stops the server with one line, as
 * `npm start`'s start-up step (scripts/prepare.mjs) would have.
 */
function readSettings() {
  try {
    return settings();
  } catch (e) {
    if (!(e instanceof EnvError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

const hostname = flag(['-H', '--hostname'], '0.0.0.0');
const port = Number(flag(['-p', '--port'], String(readSettings().PORT)));

// Next builds its own idea of the request's origin from this hostname and port, and keeps a proxy
// rewrite internal only when the rewrite's origin is that one; the proxy's request URLs say
// localhost, so Next must too (with the listening address here, every embed rewrite became a
// request to itself, over TLS when a load balancer sent X-Forwarded-Proto: https).
const app = next({ dev: false, hostname: 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();
// On an https deployment browsers are told to use nothing else for a year (HSTS). TLS usually ends at
// the load balancer in front of this process, so APP_URL, not the socket, says whether it is https.
// Read after app.prepare(), which loads Next's .env files.
const hsts = readSettings().APP_URL?.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;
/**
 * Next drops a route handler's Content-Length (it cannot know a fetched body was not decoded). The
 * image route knows its exact length and says so in X-Showreel-Length; it becomes Content-Length here.
 * @param {import('node:http').ServerResponse} res
 */
function keepContentLength(res) {
  const setHeader = res.setHeader.bind(res);
  const appendHeader = res.appendHeader.bind(res);
  const isLength = (/** @type {string} */ name) => name.toLowerCase() === 'x-showreel-length';
  res.setHeader = (name, value) => (isLength(name) ? setHeader('Content-Length', value) : setHeader(name, value));
  res.appendHeader = (name, value) => (isLength(name) ? setHeader('Content-Length', value) : appendHeader(name, value));
}
const { SERVER_HEADERS_TIMEOUT_MS, SERVER_REQUEST_TIMEOUT_MS } = readSettings();
/** A public surface's cache tags, as the app tells them (registered by instrumentation.ts: lib/showcase/edge-tags.ts). */
const edgeTagsOf = () => /** @type {((t: string) => string[] | null) | undefined} */ (processWide[Symbol.for('showreel.edgeTags')]);
// Public answers Next served from its cache a moment ago are answered again without it, until a
// change drops them (lib/platform/http/response-cache.mjs).
const originCache = openOriginCache(edgeTagsOf);
// A client that sends its headers or its request slowly (a slowloris) is answered 408 and cut off
// after these; Node checks them every connectionsCheckingInterval (30 s by default, here 1 s).
const server = createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
  if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  // The connection's own peer, over anything the client claims (see lib/platform/limits/client.ts).
  req.headers['x-showreel-peer'] = req.socket.remoteAddress ?? 'unknown';
  if (req.url?.startsWith('/img/')) keepContentLength(res);
  // What Next would answer with an empty 400 or a plain 500 (lib/platform/http/gate.mjs).
  const refused = gate(req.method, req.url);
  if (refused) {
    applyCachePolicy(res, req.url ?? '/', edgeTagsOf());
    res.writeHead(refused.status, refused.headers).end(refused.body);
    return;
  }
  // The counting script's beacons go to their route handler without Next (./direct-route.mjs).
  const direct = directHandler(
    req,
    /** @type {Record<string, import('../lib/platform/http/direct-route.mjs').Handler> | undefined} */ (processWide[DIRECT_ROUTES]),
  );
  if (direct) {
    applyCachePolicy(res, req.url ?? '/', edgeTagsOf());
    void callDirect(direct, req, res);
    return;
  }
  void originCache.handle(req, res, () => {
    // How browsers and the edge in front may cache the answer, decided in one place.
    applyCachePolicy(res, req.url ?? '/', edgeTagsOf());
    // The public page, a route handler's, gets the gzip and 304s Next gives its own pages (./compress-html.mjs).
    compressHtml(req, res);
    void handle(req, res);
  });
});
// Longer than load balancers' idle timeouts (and than any test), so the client side closes pooled
// connections first; with Node's 5 s a request can land on a socket the server is closing.
server.keepAliveTimeout = 65_000;
server.headersTimeout = SERVER_HEADERS_TIMEOUT_MS;
server.requestTimeout = Math.max(SERVER_REQUEST_TIMEOUT_MS, SERVER_HEADERS_TIMEOUT_MS);
// A request Node cannot parse gets words too, not Node's empty 400.
server.on('clientError', (error, socket) => {
  if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  socket.end(clientErrorResponse(error));
});
server.listen(port, hostname, () => console.log(`[showreel] ready on http://${hostname}:${port}`));

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const started = Date.now();
  console.log(`[showreel] ${signal}: draining`);
  const hardStop = setTimeout(() => {
    console.error('[showreel] could not stop within 10 s; exiting');
    process.exit(1);
  }, STOP_DEADLINE_MS);
  hardStop.unref();
  // The app's readiness check answers 503 from now on, so a load balancer stops sending work.
  processWide[Symbol.for('showreel.draining')] = true;
  const closed = /** @type {Promise<void>} */ (new Promise((resolve) => server.close(() => resolve())));
  // Idle keep-alive sockets are closed at once; busy ones as soon as their response is sent.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((r) => setTimeout(r, STOP_DEADLINE_MS - 2_000))]);
  clearInterval(sweep);
  server.closeAllConnections();
  // Registered by instrumentation.ts inside the app: leases, database pool, Redis.
  const release = processWide[Symbol.for('showreel.shutdown')];
  if (typeof release === 'function') await release();
  await app.close();
  console.log(`[showreel] stopped in ${Date.now() - started} ms`);
  process.exit(0);
}

process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
