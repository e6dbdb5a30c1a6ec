import { HttpResponse, http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

// Every kind of edge at once: the outbox delivers each purge to all of them.
const ZONE = '0123456789abcdef0123456789abcdef';
const SERVICE = 'SU1Z0isxPaozGVKXdv0eY';
vi.hoisted(() => {
  process.env.EDGE_PURGE_URL = 'http://varnish.test:6081';
  process.env.CLOUDFLARE_ZONE_ID = '0123456789abcdef0123456789abcdef';
  process.env.CLOUDFLARE_API_TOKEN = 'cf-secret-token';
  process.env.FASTLY_SERVICE_ID = 'SU1Z0isxPaozGVKXdv0eY';
  process.env.FASTLY_API_TOKEN = 'fastly-secret-token';
});

import { db } from '@/lib/platform/db/client';
import { CLOUDFLARE_API, FASTLY_API } from '@/lib/platform/edge/adapters';
import { deliverEdgePurges, LATE_MS, queueEdgePurge, SETTLE_MS } from '@/lib/platform/edge/outbox';
import { setPublished } from '@/lib/showcase/publish';
import { creatorTag, SITEMAP_TAG } from '@/lib/showcase/tags';
import { migrateTestDb, newId } from '../../support/db';
import { setupMsw } from '../../support/msw';

const server = setupMsw();
beforeAll(() => migrateTestDb());

type Purge = { edge: string; tags: string[] };
let purges: Purge[] = [];
let cloudflareDown = false;

/** The three edges' purge APIs as their documentation describes them. */
function edges() {
  return [
    http.all('http://varnish.test:6081/', ({ request }) => {
      if (request.method !== 'PURGE') return new HttpResponse(null, { status: 405 });
      purges.push({ edge: 'varnish', tags: (request.headers.get('xkey-purge') ?? '').split(' ') });
      return new HttpResponse('Purged', { status: 200 });
    }),
    http.post(`${CLOUDFLARE_API}/zones/:zone/purge_cache`, async ({ request, params }) => {
      if (params.zone !== ZONE || request.headers.get('authorization') !== 'Bearer cf-secret-token') {
        return HttpResponse.json({ success: false, errors: [{ code: 10000, message: 'Authentication error' }] }, { status: 403 });
      }
      if (cloudflareDown) return HttpResponse.json({ success: false, errors: [{ code: 1000, message: 'overloaded' }] }, { status: 503 });
      const body = (await request.json()) as { tags: string[] };
      if (body.tags.length > 30) return HttpResponse.json({ success: false, errors: [{ code: 1001, message: 'too many tags' }] }, { status: 400 });
      purges.push({ edge: 'cloudflare', tags: body.tags });
      return HttpResponse.json({ success: true, errors: [], messages: [], result: { id: ZONE } });
    }),
    http.post(`${FASTLY_API}/service/:service/purge`, ({ request, params }) => {
      if (params.service !== SERVICE || request.headers.get('fastly-key') !== 'fastly-secret-token') {
        return HttpResponse.json({ msg: 'Provided credentials are missing or invalid' }, { status: 401 });
      }
      const keys = (request.headers.get('surrogate-key') ?? '').split(' ').filter(Boolean);
      purges.push({ edge: 'fastly', tags: keys });
      return HttpResponse.json(Object.fromEntries(keys.map((k, i) => [k, `108-1391560174-${i}`])));
    }),
  ];
}

beforeEach(async () => {
  purges = [];
  cloudflareDown = false;
  server.use(...edges());
  await db.edgePurge.deleteMany();
});

describe('the edge purge outbox', () => {
  it('delivers each purge to every edge, now and again once the change has settled', async () => {
    const t0 = Date.now();
    await queueEdgePurge(['showcase:ana', 'sitemap']);
    // Without Redis, a last pass follows the origin's own 5-minute window.
    const rows = await db.edgePurge.findMany({ orderBy: { nextAttemptAt: 'asc' } });
    expect(rows.map((r) => r.nextAttemptAt.getTime() - t0)).toEqual([expect.closeTo(0, -2), expect.closeTo(SETTLE_MS, -2), expect.closeTo(LATE_MS, -2)]);

    expect(await deliverEdgePurges()).toEqual({ delivered: 1, failed: 0 });
    expect(purges).toEqual([
      { edge: 'varnish', tags: ['showcase:ana', 'sitemap'] },
      { edge: 'cloudflare', tags: ['showcase:ana', 'sitemap'] },
      { edge: 'fastly', tags: ['showcase:ana', 'sitemap'] },
    ]);
    expect(await db.edgePurge.count()).toBe(2);

    expect(await deliverEdgePurges({ now: t0 + SETTLE_MS + 100 })).toEqual({ delivered: 1, failed: 0 });
    expect(await deliverEdgePurges({ now: t0 + LATE_MS + 100 })).toEqual({ delivered: 1, failed: 0 });
    expect(await db.edgePurge.count()).toBe(0);
  });

  it('keeps a purge an edge refused and tries it again later, with backoff, until it confirms', async () => {
    await queueEdgePurge(['showcase:bo']);
    await db.edgePurge.deleteMany({ where: { nextAttemptAt: { gt: new Date() } } });
    cloudflareDown = true;
    const before = Date.now();
    expect(await deliverEdgePurges()).toEqual({ delivered: 0, failed: 1 });
    const row = await db.edgePurge.findFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(before);
    expect(row.lastError).toBe('cloudflare purge failed: HTTP 503');
    // Not due yet: nothing is sent.
    purges = [];
    expect(await deliverEdgePurges({ now: before })).toEqual({ delivered: 0, failed: 0 });
    expect(purges).toEqual([]);

    cloudflareDown = false;
    expect(await deliverEdgePurges({ now: row.nextAttemptAt.getTime() })).toEqual({ delivered: 1, failed: 0 });
    expect(purges.map((p) => p.edge)).toEqual(['varnish', 'cloudflare', 'fastly']);
    expect(await db.edgePurge.count()).toBe(0);
  });

  it('never puts a token in what it records of a failure', async () => {
    server.use(http.post(`${CLOUDFLARE_API}/zones/:zone/purge_cache`, () => HttpResponse.json({ success: false, errors: [] }, { status: 403 })));
    await queueEdgePurge(['showcase:cy']);
    await deliverEdgePurges();
    const row = await db.edgePurge.findFirstOrThrow({ where: { attempts: 1 } });
    expect(row.lastError).not.toContain('cf-secret-token');
    expect(row.lastError).not.toContain('fastly-secret-token');
  });

  it('splits a long list of tags into the batches each API accepts', async () => {
    const tags = Array.from({ length: 70 }, (_, i) => `img:${i}`);
    await queueEdgePurge(tags);
    await deliverEdgePurges();
    expect(purges.filter((p) => p.edge === 'cloudflare').map((p) => p.tags.length)).toEqual([30, 30, 10]);
    expect(purges.filter((p) => p.edge === 'fastly').map((p) => p.tags.length)).toEqual([70]);
    expect(purges.filter((p) => p.edge === 'varnish').flatMap((p) => p.tags)).toEqual(tags);
  });

  it('delivers a purge once when several processes deliver at the same time', async () => {
    await queueEdgePurge(['showcase:dee']);
    const results = await Promise.all([deliverEdgePurges(), deliverEdgePurges(), deliverEdgePurges()]);
    expect(results.reduce((n, r) => n + r.delivered, 0)).toBe(1);
    expect(purges.filter((p) => p.edge === 'varnish')).toHaveLength(1);
  });

  it('is written by the change itself, and delivered before the change answers', async () => {
    const id = newId();
    const handle = `pub-${id.slice(0, 8)}`;
    await db.user.create({
      data: {
        id,
        openId: `open-${id}`,
        displayName: 'Pub',
        handle,
        showcases: { create: { id, slug: 'featured', title: 'Featured', isDefault: true, published: true } },
      },
    });
    await setPublished(id, false);
    // The switch shows on every showcase of the creator (each links the others): the creator's tag.
    expect(purges).toContainEqual({ edge: 'varnish', tags: [creatorTag(handle), SITEMAP_TAG] });
    // The settling passes wait in the outbox.
    const left = await db.edgePurge.findMany();
    expect(left.map((r) => r.tags)).toEqual([`${creatorTag(handle)} ${SITEMAP_TAG}`, `${creatorTag(handle)} ${SITEMAP_TAG}`]);
    expect(left.every((r) => r.nextAttemptAt.getTime() > Date.now())).toBe(true);
  });

  it('writes nothing when the change fails', async () => {
    await expect(setPublished(newId(), true)).rejects.toThrow();
    expect(await db.edgePurge.count()).toBe(0);
  });
});
