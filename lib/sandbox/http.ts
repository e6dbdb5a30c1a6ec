import 'server-only';
import { env } from '../platform/config/env';
import { rasterize } from './images';
import { type CdnKind, checkSignedUrl, enter, type SandboxReply } from './index';

const notFound = () => Response.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });

/** Every sandbox route: 404 unless the app runs without real TikTok credentials. */
export function sandboxRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => (env().sandbox ? handler(...args) : notFound());
}

export function reply(r: SandboxReply): Response {
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
