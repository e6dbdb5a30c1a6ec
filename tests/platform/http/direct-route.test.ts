import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { callDirect, directHandler } from '@/lib/platform/http/direct-route.mjs';
import { readText } from '@/lib/platform/http/index';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server as `npm start`'s: the direct route when it applies, else "Next" (which answers 299). */
async function serve(handler: (request: Request) => Promise<Response>) {
  const seen: Request[] = [];
  const routes = {
    '/api/events': async (request: Request) => {
      seen.push(request.clone());
      return handler(request);
    },
  };
  const server = http.createServer((req: IncomingMessage, res) => {
    const direct = directHandler(req, routes);
    if (direct) void callDirect(direct, req, res);
    else res.writeHead(299).end('next');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('routes npm start calls without Next', () => {
  it("hands the route a Web Request with the body (to the app's readers), the headers and the URL Next would build, and sends its Response", async () => {
    const s = await serve(async (request) => {
      const read = await readText(request, 1024);
      if (!read.ok) return read.response;
      return new Response(JSON.stringify({ got: read.value }), { status: 201, headers: { 'Content-Type': 'application/json', 'X-Seen': request.url } });
    });
    const res = await fetch(`${s.base}/api/events`, {
      method: 'POST',
      body: '{"type":"view"}',
      headers: { Origin: 'https://showreel.test', 'X-Forwarded-Proto': 'https', 'User-Agent': 'Test/1' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: '{"type":"view"}' });
    expect(res.headers.get('x-seen')).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/events$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const [request] = s.seen;
    expect(request.method).toBe('POST');
    expect(request.headers.get('origin')).toBe('https://showreel.test');
    expect(request.headers.get('user-agent')).toBe('Test/1');
  });

  it('leaves to Next another method, another path or a query, a body of unknown or large length', async () => {
    const s = await serve(async () => new Response(null, { status: 204 }));
    const statusOf = async (path: string, init: RequestInit) => (await fetch(`${s.base}${path}`, init)).status;
    expect(await statusOf('/api/events', { method: 'GET' })).toBe(299);
    expect(await statusOf('/api/events?x=1', { method: 'POST', body: '{}' })).toBe(299);
    expect(await statusOf('/api/eventsx', { method: 'POST', body: '{}' })).toBe(299);
    expect(await statusOf('/api/events', { method: 'POST', body: 'x'.repeat(20_000) })).toBe(299);
    const chunked = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('{}'));
        c.close();
      },
    });
    expect(await statusOf('/api/events', { method: 'POST', body: chunked, duplex: 'half' } as RequestInit)).toBe(299);
    expect(await statusOf('/api/events', { method: 'POST', body: '{}' })).toBe(204);
    expect(s.seen).toHaveLength(1);
  });

  it("keeps the route's own body cap: a handed body past it is 413, as when Next streams it", async () => {
    const s = await serve(async (request) => {
      const read = await readText(request, 2048);
      return read.ok ? new Response(null, { status: 204 }) : read.response;
    });
    const res = await fetch(`${s.base}/api/events`, { method: 'POST', body: 'x'.repeat(3000) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect((await fetch(`${s.base}/api/events`, { method: 'POST', body: 'x'.repeat(2000) })).status).toBe(204);
  });
});
