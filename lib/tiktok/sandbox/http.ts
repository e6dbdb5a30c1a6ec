import 'server-only';
import { env } from '../../env';
import type { SandboxReply } from './engine';

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
