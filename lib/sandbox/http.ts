import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { env } from '../platform/config/env';
import { clientIp } from '../platform/limits/client';
import { countRequest } from '../platform/limits/counter';
import { SandboxFull } from './accounts';
import { rasterize } from './images';
import { type CdnKind, checkSignedUrl, enter, type SandboxReply } from './index';

const notFound = () => Response.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });

/** Every sandbox route: 404 unless the app runs without real TikTok credentials. */
export function sandboxRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => (env().sandbox ? handler(...args) : notFound());
}

const MINUTE = 60_000;
/** Control calls a client may make in a minute with the token, and refused ones without it. */
export const CONTROL_LIMITS = { allowed: 600, refused: 10 } as const;

const controlError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether the request carries SANDBOX_CONTROL_TOKEN as its Bearer token (compared in constant time). */
function hasControlToken(request: Request): boolean {
  const expected = env().sandboxControlToken;
  const sent = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
  return Boolean(expected && sent && timingSafeEqual(digest(sent), digest(expected)));
}

/**
 * /sandbox/control: in development open to the developer; anywhere else (a public demo with
 * SHOWREEL_SANDBOX=1) only with SANDBOX_CONTROL_TOKEN, each client at most CONTROL_LIMITS a minute.
 * A full sandbox answers 409.
 */
export function controlRoute(handler: (request: Request) => Promise<Response>) {
  return sandboxRoute(async (request: Request): Promise<Response> => {
    if (env().nodeEnv !== 'development') {
      const ip = clientIp(request);
      const allowed = hasControlToken(request);
      const verdict = await countRequest(`sandboxControl:${allowed ? 'allowed' : 'refused'}:ip:${ip}`, CONTROL_LIMITS[allowed ? 'allowed' : 'refused'], MINUTE);
      if (!verdict.ok) {
        const seconds = String(verdict.retryAfterSeconds);
        return controlError(429, 'rate_limited', `Too many sandbox control calls. Please try again in ${seconds} s.`, { 'Retry-After': seconds });
      }
      if (!allowed) return controlError(403, 'forbidden', 'The sandbox controls need SANDBOX_CONTROL_TOKEN as a Bearer token.');
    }
    try {
      return await handler(request);
    } catch (e) {
      if (e instanceof SandboxFull) return controlError(409, 'conflict', e.message);
      throw e;
    }
  });
}

export function reply(r: SandboxReply): Response {
  if (r.dropAnswer) {
    // The connection breaks before the answer's body: the server destroys the socket when the
    // stream errors, so the client sees its request sent and no answer (a lost answer).
    const body = new ReadableStream({ start: (c) => c.error(new Error('sandbox: answer dropped')) });
    return new Response(body, { status: r.status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
  }
  return Response.json(r.body, { status: r.status, headers: { 'Cache-Control': 'no-store' } });
}

export async function formOf(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(await request.text());
}

export async function jsonOf(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return null;
  }
}

/**
 * The sandbox CDN, as TikTok's behaves: `/{id}.jpeg?x-expires=…&x-signature=…` answers a JPEG while
 * the signature holds and x-expires is ahead, 403 otherwise (or when `render` knows no such id).
 * Counted as `cdn/{kind}`; a fault set there (a status, a delay) applies like the API's.
 */
export function signedCdnImage(kind: CdnKind, render: (id: string) => string | null) {
  return sandboxRoute(async (request: Request, ctx: { params: Promise<{ file: string }> }) => {
    const id = (await ctx.params).file.replace(/\.jpe?g$/, '');
    const fault = await enter(`cdn/${kind}`, 'api', request.signal);
    if (fault) return new Response('Access Denied', { status: fault.status, headers: { 'Content-Type': 'text/plain' } });
    const url = new URL(request.url);
    const verdict = checkSignedUrl(kind, id, url.searchParams.get('x-expires'), url.searchParams.get('x-signature'));
    const svg = verdict === 'ok' ? render(id) : null;
    if (svg === null) return new Response('Access Denied', { status: 403, headers: { 'Content-Type': 'text/plain' } });
    const jpeg = await rasterize(`${kind}:${id}`, svg);
    return new Response(new Uint8Array(jpeg), {
      headers: { 'Content-Type': 'image/jpeg', 'Content-Length': String(jpeg.length), 'Cache-Control': 'public, max-age=3600' },
    });
  });
}
