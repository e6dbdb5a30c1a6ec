// What `npm start`'s server (scripts/server.mjs) answers itself, before a request reaches Next:
// requests Next would otherwise answer with an empty or plain-text 500 or 400, which no route of the
// app ever sees. Plain JS, since the server script loads it outside the app's bundle.
//
// - A path that is not valid percent-encoding (`/u/%ff%fe`, `/api/%zz`): Next fails to decode its
//   dynamic segments and answers 500. Here: 400, in the API's error shape under /api, else a page.
// - A method that is not HTTP's (`FOO`): Next's route modules answer an empty 400. Here: the same
//   400, in the error shape under /api.
// - Any method but GET and HEAD on the surfaces visitors only read (`/u/…`, `/embed/…`, `/watch/…`):
//   these are cached pages and a cached route handler (the share image), and Next keys a cached
//   answer by path alone, so an OPTIONS (an automatic 204 that then fails every GET with 500) or a
//   POST would become what every later visitor gets. Here: OPTIONS 204, the rest 405, with `Allow`.

/** The methods Next's route handlers know (next/dist/server/web/http's HTTP_METHODS). */
export const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'];

/** @param {string} url a request target (path and query) */
export function hasMalformedPath(url) {
  const q = url.indexOf('?');
  const path = q >= 0 ? url.slice(0, q) : url;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** @param {string} url */
const isApi = (url) => /^\/+api(?:[/?#]|$)/.test(url);

/** @param {string} url */
const isReadOnlySurface = (url) => /^\/+(?:u|embed|watch)(?:[/?#]|$)/.test(url);
const READ_ONLY_ALLOW = 'GET, HEAD, OPTIONS';

/**
 * The answer the server gives itself, or null to hand the request to Next.
 * @param {string | undefined} method @param {string | undefined} url
 * @returns {{ status: number, headers: Record<string, string>, body: string } | null}
 */
export function gate(method, url = '/') {
  if (hasMalformedPath(url)) return refusal(url, 'bad_request', 'This address is not valid.', 'Bad address');
  if (!HTTP_METHODS.includes(method ?? 'GET') && isApi(url)) return refusal(url, 'bad_request', 'This HTTP method is not supported.', 'Bad request');
  if (isReadOnlySurface(url) && method !== 'GET' && method !== 'HEAD') {
    if (method === 'OPTIONS') return { status: 204, headers: { ...HEADERS, Allow: READ_ONLY_ALLOW }, body: '' };
    const answer = refusal(url, 'method_not_allowed', 'This page can only be read.', 'Not allowed', 405);
    return { ...answer, headers: { ...answer.headers, Allow: READ_ONLY_ALLOW } };
  }
  return null;
}

// next.config.mjs's headers are not added to these answers: the strictest that still shows the page.
const HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** @param {string} url @param {string} code @param {string} message @param {string} title */
function refusal(url, code, message, title, status = 400) {
  if (isApi(url)) {
    return {
      status,
      headers: { ...HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ error: { code, message } }),
    };
  }
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Showreel</title><meta name="robots" content="noindex"></head>
<body style="font-family:system-ui,sans-serif;text-align:center;padding:3rem"><main><h1>${title}</h1><p>${message}</p><a href="/">Back to Showreel</a></main></body></html>`;
  return { status, headers: { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8' }, body };
}

const REASONS = /** @type {Record<number, string>} */ ({ 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' });

/**
 * What the server writes on a socket whose request Node could not parse (an unknown method, a bad
 * header, headers too large, a request too slow), where Node would write an empty 400: the same
 * status with a body in the API's error shape (the request's path is unknown here).
 * @param {Error & { code?: string }} error
 */
export function clientErrorResponse(error) {
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const body = JSON.stringify({ error: { code: 'bad_request', message: 'The request could not be read.' } });
  return [
    `HTTP/1.1 ${status} ${REASONS[status]}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
