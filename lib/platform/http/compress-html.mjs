// The public page is written by a route handler (app/(public)/_components/page-document.ts), and
// Next compresses only the pages it renders itself. `npm start`'s server (scripts/server.mjs) does
// it here for a 200 `text/html` answer to a GET of such a page that leaves Next uncompressed, and
// answers 304 when the client already has it (its ETag). The pages are small: read whole, then sent.

/** @import { IncomingMessage, ServerResponse } from 'node:http' */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { etagMatches, takesGzip } from './response-cache.mjs';

/** The public showcase pages, `/u/{handle}` and `/u/{handle}/{slug}` (route handlers). */
const ROUTE_HANDLER_PAGES = /^\/u\/[^/?#]+(?:\/[^/?#]+)?(?:[?#]|$)/;

/** @param {ServerResponse} res */
const isPlainHtml = (res) =>
  res.statusCode === 200 && String(res.getHeader('content-type') ?? '').startsWith('text/html') && !res.hasHeader('content-encoding');

/**
 * Holds back the head and body of the answer to `req` when it is a plain HTML page, then sends it
 * with an ETag, gzipped for a client that takes gzip, or as a 304.
 * @param {IncomingMessage} req @param {ServerResponse} res
 */
export function compressHtml(req, res) {
  if (req.method !== 'GET' || !ROUTE_HANDLER_PAGES.test(req.url ?? '')) return;
  const { write, end, writeHead, flushHeaders } = res;
  /** null: not decided; true: held back here; false: passed on as it is */
  let holding = /** @type {boolean | null} */ (null);
  /** @type {Buffer[]} */
  const chunks = [];
  // Decided once, at the head (written, flushed or implied by the first write): the status and
  // headers are all set by then.
  const decide = () => {
    if (holding === null) holding = isPlainHtml(res);
    return holding;
  };
  res.writeHead = /** @type {typeof res.writeHead} */ (
    (/** @type {any[]} */ ...args) => {
      const headers = args.find((a) => a && typeof a === 'object');
      // A head of raw headers (an array) is not in getHeaders(): passed on as it is.
      if (Array.isArray(headers)) holding = false;
      else {
        res.statusCode = Number(args[0]);
        for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
      }
      return decide() ? res : /** @type {any} */ (writeHead).apply(res, Array.isArray(headers) ? args : [args[0]]);
    }
  );
  res.flushHeaders = () => {
    if (!decide()) flushHeaders.call(res);
  };
  res.write = /** @type {typeof res.write} */ (
    (/** @type {any[]} */ ...args) => {
      if (!decide()) return /** @type {any} */ (write).apply(res, args);
      collect(args[0], args[1]);
      const callback = args.find((a) => typeof a === 'function');
      if (callback) process.nextTick(callback);
      return true;
    }
  );
  res.end = /** @type {typeof res.end} */ (
    (/** @type {any[]} */ ...args) => {
      if (!decide()) return /** @type {any} */ (end).apply(res, args);
      collect(typeof args[0] === 'function' ? undefined : args[0], args[1]);
      const body = Buffer.concat(chunks);
      const etag = String(res.getHeader('etag') ?? `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`);
      res.setHeader('ETag', etag);
      const inm = req.headers['if-none-match'];
      if (typeof inm === 'string' && etagMatches(inm, etag)) {
        res.removeHeader('content-type');
        res.removeHeader('content-length');
        writeHead.call(res, 304);
        return /** @type {any} */ (end).call(res);
      }
      const vary = String(res.getHeader('vary') ?? '');
      res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
      const gzip = takesGzip(req.headers['accept-encoding']);
      const sent = gzip ? gzipSync(body) : body;
      if (gzip) res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', sent.length);
      writeHead.call(res, res.statusCode);
      return /** @type {any} */ (end).call(res, sent);
    }
  );
  /** @param {unknown} chunk @param {unknown} encoding */
  function collect(chunk, encoding) {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    if (Buffer.isBuffer(chunk)) chunks.push(chunk);
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
    else chunks.push(Buffer.from(String(chunk), /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8')));
  }
}
