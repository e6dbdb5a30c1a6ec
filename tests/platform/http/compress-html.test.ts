import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { compressHtml } from '@/lib/platform/http/compress-html.mjs';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const PAGE = `<!doctype html><title>t</title>${'<li class="card">a video</li>'.repeat(200)}`;

/** A server as `npm start`'s, whose "Next" answers as it answers a route handler: head flushed first, the body in chunks. */
async function serve(answer: (res: ServerResponse) => void) {
  const server = http.createServer((req: IncomingMessage, res) => {
    compressHtml(req, res);
    answer(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const streamed =
  (type: string, status = 200) =>
  (res: ServerResponse) => {
    const body = PAGE;
    res.statusCode = status;
    res.setHeader('Content-Type', type);
    res.flushHeaders();
    res.write(body.slice(0, 100));
    setTimeout(() => res.end(body.slice(100)), 5);
  };

/** The raw answer (fetch would decode gzip itself). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the public page, a route handler, gets the gzip and 304s of a page Next renders', () => {
  it('gzips it for a client that takes gzip, with its length, an ETag and Vary', async () => {
    const base = await serve(streamed('text/html; charset=utf-8'));
    const res = await get(`${base}/u/ana`, { 'Accept-Encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(PAGE.length / 5);
    expect(gunzipSync(res.body).toString()).toBe(PAGE);
    expect(res.headers.etag).toMatch(/^"[\w-]{27}"$/);
    expect(res.headers.vary).toContain('Accept-Encoding');
  });

  it('sends it plain to a client that takes no gzip, with the same ETag', async () => {
    const base = await serve(streamed('text/html; charset=utf-8'));
    const zipped = await get(`${base}/u/ana/featured`, { 'Accept-Encoding': 'gzip' });
    const plain = await get(`${base}/u/ana/featured`, { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
    expect(plain.headers.etag).toBe(zipped.headers.etag);
  });

  it('answers 304 without a body when the client has it, and keeps an ETag the route set', async () => {
    const base = await serve((res) => {
      res.setHeader('ETag', '"from-the-route"');
      streamed('text/html; charset=utf-8')(res);
    });
    const res = await get(`${base}/u/ana`, { 'If-None-Match': 'W/"from-the-route"' });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
    expect(res.headers.etag).toBe('"from-the-route"');
    expect((await get(`${base}/u/ana`, { 'If-None-Match': '"another"' })).status).toBe(200);
  });

  it('leaves everything else as it is: other paths, other types, errors, answers already encoded', async () => {
    const base = await serve((res) => {
      const url = res.req.url ?? '';
      if (url.includes('encoded')) res.setHeader('Content-Encoding', 'br');
      streamed(url.includes('share-image') ? 'image/png' : 'text/html', url.includes('error') ? 404 : 200)(res);
    });
    for (const path of ['/dashboard', '/u/ana/featured/share-image', '/u/error', '/u/encoded', '/embed/ana']) {
      const res = await get(`${base}${path}`, { 'Accept-Encoding': 'gzip' });
      expect(res.headers['content-encoding'], path).not.toBe('gzip');
      expect(res.headers.etag, path).toBeUndefined();
    }
  });
});
