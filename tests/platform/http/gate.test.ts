import { describe, expect, it } from 'vitest';
import { gate, hasMalformedPath } from '@/lib/platform/http/gate.mjs';

describe("the server's own answers before Next (lib/platform/http/gate.mjs)", () => {
  it('finds malformed percent-encoding in the path, not in the query', () => {
    for (const url of ['/u/%ff%fe', '/api/%zz', '/embed/%', '/u/a%2']) expect(hasMalformedPath(url), url).toBe(true);
    for (const url of ['/u/ok', '/u/caf%C3%A9', '/api/oembed?url=%zz', '/']) expect(hasMalformedPath(url), url).toBe(false);
  });

  it('answers 400 in the error shape under /api and as a page elsewhere', () => {
    const api = gate('GET', '/api/covers/%zz');
    expect(api?.status).toBe(400);
    expect(JSON.parse(api!.body)).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    const page = gate('GET', '/u/%zz');
    expect(page?.status).toBe(400);
    expect(page?.headers['Content-Type']).toMatch(/^text\/html/);
  });

  it('answers a method HTTP does not define under /api, and leaves everything else to Next', () => {
    expect(JSON.parse(gate('FOO', '/api/health')!.body).error.code).toBe('bad_request');
    expect(gate('GET', '/api/health')).toBeNull();
    expect(gate('DELETE', '/api/health')).toBeNull();
    expect(gate('FOO', '/dashboard')).toBeNull();
  });

  it('answers every method but GET and HEAD on the cached, read-only surfaces: OPTIONS 204, the rest 405, with Allow', () => {
    for (const path of ['/u/someone', '/u/someone/share-image', '/embed/someone/grid.auto.50.0.1', '/watch/1']) {
      expect(gate('GET', path), path).toBeNull();
      expect(gate('HEAD', path), path).toBeNull();
      expect(gate('OPTIONS', path)).toMatchObject({ status: 204, headers: { Allow: 'GET, HEAD, OPTIONS' } });
      for (const method of ['POST', 'PUT', 'DELETE', 'FOO'])
        expect(gate(method, path)).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD, OPTIONS' } });
    }
    expect(gate('POST', '/embed.js')).toBeNull();
  });
});
