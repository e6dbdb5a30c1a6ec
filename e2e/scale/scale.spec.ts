import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { clusterPerFile } from '../support/cluster';
import { controlHeaders, type SandboxVideo, signIn, uniqueUser, withinOneMinute } from '../support/helpers';

// Two `npm start` instances behind a load balancer, on one PostgreSQL and one Redis (see cluster.ts).
test.describe.configure({ mode: 'serial' });

const { c, db } = clusterPerFile();

/** "TikTok"'s controls, at the sandbox instance. */
async function tiktok(request: APIRequestContext, body?: Record<string, unknown>) {
  const url = `${c.at('tiktok')}/sandbox/control`;
  const res = body ? await request.post(url, { data: body, headers: controlHeaders }) : await request.get(url, { headers: controlHeaders });
  expect(res.ok(), await res.text()).toBeTruthy();
  return res.json();
}

async function videosOf(request: APIRequestContext, username: string): Promise<SandboxVideo[]> {
  const { videos } = await tiktok(request, { action: 'videos', username });
  return (videos as SandboxVideo[]).sort((a, b) => b.createTime - a.createTime);
}

async function sessionCookie(page: Page): Promise<string> {
  const cookies = await page.context().cookies(c.url);
  const session = cookies.find((k) => k.name === 'showreel_session');
  expect(session).toBeTruthy();
  return `showreel_session=${session!.value}`;
}

/** Saves the showcase through one instance, as the signed-in creator's page does. */
async function save(instance: 'A' | 'B', videoIds: string[]) {
  const res = await fetch(`${c.at(instance)}/api/showcase`, {
    method: 'PUT',
    headers: { cookie, Origin: c.at(instance), 'Content-Type': 'application/json' },
    body: JSON.stringify({ videoIds }),
  });
  return res.status;
}

/** The titles a visitor (no cookies) sees on an instance's public page, in order. */
async function publicTitles(request: APIRequestContext, instance: 'A' | 'B', handle: string) {
  const res = await request.get(`${c.at(instance)}/u/${handle}`, { headers: { cookie: '' } });
  expect(res.status()).toBe(200);
  const html = await res.text();
  return { cache: res.headers()['x-nextjs-cache'], titles: [...html.matchAll(/<span class="title">([^<]+)<\/span>/g)].map((m) => m[1]) };
}

let user: string;
let videos: SandboxVideo[];
let cookie: string;

test('a creator signs in on A and saves on B; a visitor on A sees the new order at once', async ({ page, request }) => {
  user = uniqueUser('scale');
  videos = await videosOf(request, user);
  await signIn(page, user, { start: `${c.at('A')}/api/auth/tiktok` });
  await expect(page.getByRole('heading', { name: 'Your showcase' })).toBeVisible();
  cookie = await sessionCookie(page);

  const [v0, v1, v2] = videos;
  expect(await save('A', [v0.id, v1.id, v2.id])).toBe(200);
  // A renders the page and caches it; B is then served A's copy from the shared cache.
  const first = await publicTitles(request, 'A', user);
  expect(first.titles).toEqual([v0.title, v1.title, v2.title]);
  const fromB = await publicTitles(request, 'B', user);
  expect(fromB.cache).toBe('HIT');
  expect((await publicTitles(request, 'A', user)).cache).toBe('HIT');

  // The embed and the JSON API are cached the same way, and dropped by the same save.
  const embedTitles = async (instance: 'A' | 'B') =>
    [...(await (await request.get(`${c.at(instance)}/embed/${user}?layout=list`)).text()).matchAll(/<span class="embed-title">([^<]+)<\/span>/g)].map(
      (m) => m[1],
    );
  expect(await embedTitles('A')).toEqual([v0.title, v1.title, v2.title]);
  expect(await embedTitles('B')).toEqual([v0.title, v1.title, v2.title]);

  expect(await save('B', [v2.id, v0.id, v1.id])).toBe(200);
  expect((await publicTitles(request, 'A', user)).titles).toEqual([v2.title, v0.title, v1.title]);
  expect(await embedTitles('A')).toEqual([v2.title, v0.title, v1.title]);
  const json = await (await request.get(`${c.at('A')}/api/public/showcases/${user}`)).json();
  expect(json.videos.map((v: { id: string }) => v.id)).toEqual([v2.id, v0.id, v1.id]);
});

test('40 concurrent dashboard loads across A and B after TikTok refuses the access token: exactly one refresh', async ({ request }) => {
  await tiktok(request, { action: 'expireAccessTokens', username: user });
  await tiktok(request, { action: 'resetCounters' });
  const loads = await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(`${c.at(i % 2 ? 'B' : 'A')}/api/videos`, { headers: { cookie } })));
  for (const res of loads) expect(res.status).toBe(200);
  const bodies = await Promise.all(loads.map((r) => r.json()));
  for (const body of bodies) expect(body.videos[0].title).toBe(videos[0].title);
  const { counters } = await tiktok(request);
  expect(counters[`oauth/token:refresh@${user}`]).toBe(1);
});

// Visitors no longer refresh covers (issue 18): the save made the copies, in the shared database, and
// both instances lead every visitor to the same copy, with no TikTok call however stale the URLs.
test('covers requested through A and B, past their signed URLs’ expiry, lead to the same copies and cost TikTok nothing', async ({ request }) => {
  await tiktok(request, { action: 'settings', coverTtlSeconds: 60 });
  const chosen = videos.slice(0, 25).map((v) => v.id);
  expect(await save('A', chosen)).toBe(200);
  await tiktok(request, { action: 'settings', coverTtlSeconds: 6 * 3600 });
  await tiktok(request, { action: 'resetCounters' });
  const hits = await Promise.all(
    chosen.flatMap((id) => (['A', 'B', 'A', 'B'] as const).map(async (n) => ({ id, r: await fetch(`${c.at(n)}/api/covers/${id}`, { redirect: 'manual' }) }))),
  );
  const locations = new Map<string, Set<string>>();
  for (const { id, r } of hits) {
    expect(r.status).toBe(302);
    const location = r.headers.get('location') ?? '';
    expect(location).toMatch(/^\/img\/[0-9a-f]{32}\/720\.webp$/);
    locations.set(id, (locations.get(id) ?? new Set()).add(location));
  }
  for (const set of locations.values()) expect(set.size).toBe(1);
  const image = await fetch(`${c.at('B')}${[...locations.values()][0].values().next().value}`);
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toBe('image/webp');
  expect((await tiktok(request)).counters).toEqual({});
});

test('an instance killed while it holds the refresh lease: the other refreshes once the lease expires, once', async ({ request }) => {
  test.setTimeout(120_000);
  const { rows } = await db().query('SELECT c."userId", c.version FROM "TikTokConnection" c JOIN "User" u ON u.id = c."userId" WHERE u.handle = $1', [user]);
  const { userId, version } = rows[0];
  await tiktok(request, { action: 'expireAccessTokens', username: user });
  await tiktok(request, { action: 'fault', endpoint: 'oauth/token:refresh', delayMs: 40_000, times: 1 });
  await tiktok(request, { action: 'resetCounters' });

  const hanging = fetch(`${c.at('A')}/api/videos`, { headers: { cookie } }).catch(() => 'connection lost');
  await expect.poll(async () => (await db().query('SELECT 1 FROM "Lease" WHERE key = $1', [`refresh:${userId}`])).rowCount, { timeout: 15_000 }).toBe(1);
  expect(await c.stop('A', 'SIGKILL')).toBe('SIGKILL');
  expect(await hanging).toBe('connection lost');

  // While the dead holder's lease runs, B's requests answer 503 in words at their deadline (1.5
  // TikTok timeouts) instead of waiting the lease out; the first one after it expires refreshes.
  await expect.poll(async () => (await fetch(`${c.at('B')}/api/videos`, { headers: { cookie } })).status, { timeout: 45_000, intervals: [1_000] }).toBe(200);
  const after = await db().query('SELECT version, status FROM "TikTokConnection" WHERE "userId" = $1', [userId]);
  expect(after.rows[0]).toEqual({ version: version + 1, status: 'active' });
  const { counters } = await tiktok(request);
  // A's call reached TikTok but was cut off before TikTok acted on it; B's is the one refresh.
  expect(counters[`oauth/token:refresh@${user}`]).toBe(1);
  await tiktok(request, { action: 'clearFaults' });
  await c.startInstance('A');
});

test('two instances and two workers never exceed 600 calls a minute to one TikTok endpoint; past the budget, 429 at once', async ({ request, browser }) => {
  test.setTimeout(180_000);
  // One creator may list at most 60 pages a minute (their loop must not spend everyone's budget):
  // eleven creators together can still ask for more than the budget holds. New ones, so the
  // journeys' own creator is not left at their limit for the next journeys.
  const cookies: string[] = [];
  for (let i = 0; i < 11; i++) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await signIn(p, uniqueUser('budget'), { start: `${c.at(i % 2 ? 'B' : 'A')}/api/auth/tiktok` });
    await expect(p.getByRole('heading', { name: 'Your showcase' })).toBeVisible();
    cookies.push(await sessionCookie(p));
    await ctx.close();
  }
  await withinOneMinute(45);
  await tiktok(request, { action: 'resetCounters' });
  const N = 660;
  let sent = 0;
  const statuses: number[] = [];
  const client = async () => {
    while (sent < N) {
      const i = sent++;
      const res = await fetch(`${c.at(i % 2 ? 'B' : 'A')}/api/videos`, { headers: { cookie: cookies[i % cookies.length] } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
  };
  const [workerA, workerB] = await Promise.all([c.worker(), c.worker(), ...Array.from({ length: 16 }, client)]);
  expect(workerA.code, workerA.output).toBe(0);
  expect(workerB.code, workerB.output).toBe(0);
  // Past the shared budget a request no longer queues into the next minute: it is answered 429
  // (rate_limited) within the TikTok timeout. Everything else was served.
  const refused = statuses.filter((s) => s !== 200);
  expect(refused.every((s) => s === 429)).toBe(true);
  expect(statuses.length - refused.length).toBeGreaterThan(500);
  const { counters, peakPerMinute } = await tiktok(request);
  expect(counters['video/list']).toBeGreaterThan(500);
  for (const [endpoint, peak] of Object.entries(peakPerMinute as Record<string, number>)) {
    expect(peak, endpoint).toBeLessThanOrEqual(600);
  }
  // …and the budget was really reached, not just left unused.
  expect(peakPerMinute['video/list']).toBeGreaterThan(500);
  expect(refused.length).toBeGreaterThan(0);
  // This minute's budget is spent: hand the next journeys a fresh one.
  await db().query('DELETE FROM "ApiCall"');
});

test('Redis going away: pages still answer; once it is back, a save on B shows on A at once', async ({ request }) => {
  test.setTimeout(90_000);
  const [v0, v1, v2] = videos;
  await c.redis.down();
  for (const n of ['A', 'B'] as const) {
    expect((await publicTitles(request, n, user)).titles.length).toBeGreaterThan(0);
    const ready = await fetch(`${c.at(n)}/api/health?ready=1`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.redis.ok).toBe(false);
  }
  expect(await save('B', [v1.id, v2.id])).toBe(200);
  expect((await publicTitles(request, 'A', user)).titles).toEqual([v1.title, v2.title]);

  await c.redis.up();
  for (const n of ['A', 'B'] as const) {
    await expect.poll(async () => (await fetch(`${c.at(n)}/api/health?ready=1`)).status, { timeout: 20_000 }).toBe(200);
  }
  expect((await publicTitles(request, 'A', user)).titles).toEqual([v1.title, v2.title]);
  expect((await publicTitles(request, 'A', user)).cache).toBe('HIT');
  expect(await save('B', [v2.id, v0.id])).toBe(200);
  expect((await publicTitles(request, 'A', user)).titles).toEqual([v2.title, v0.title]);
});

test('Redis hanging: pages, embeds, 404s and saves answer within the Redis timeout; readiness 503; once it answers, saves show everywhere', async ({
  request,
}) => {
  test.setTimeout(90_000);
  const [v0, v1, v2] = videos;
  // As under SIGSTOP: connections stay open, nothing comes back.
  c.redis.freeze();
  try {
    for (const n of ['A', 'B'] as const) {
      await expect
        .poll(async () => (await fetch(`${c.at(n)}/api/health?ready=1`, { signal: AbortSignal.timeout(5_000) })).status, { timeout: 10_000 })
        .toBe(503);
    }
    // Each request's own timeout is the deadline: with a hung Redis they used to wait for as long as it hung.
    const within = { timeout: 5_000, headers: { cookie: '' } };
    for (const n of ['A', 'B'] as const) {
      expect((await request.get(`${c.at(n)}/u/${user}`, within)).status()).toBe(200);
      expect((await request.get(`${c.at(n)}/embed/${user}`, within)).status()).toBe(200);
      expect((await request.get(`${c.at(n)}/`, within)).status()).toBe(200);
      expect((await request.get(`${c.at(n)}/u/nobody-${Date.now()}`, within)).status()).toBe(404);
    }
    const saved = await fetch(`${c.at('B')}/api/showcase`, {
      method: 'PUT',
      headers: { cookie, Origin: c.at('B'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ videoIds: [v2.id, v1.id] }),
      signal: AbortSignal.timeout(5_000),
    });
    expect(saved.status).toBe(200);
    expect((await publicTitles(request, 'A', user)).titles).toEqual([v2.title, v1.title]);
  } finally {
    c.redis.thaw();
  }
  for (const n of ['A', 'B'] as const) {
    await expect.poll(async () => (await fetch(`${c.at(n)}/api/health?ready=1`)).status, { timeout: 20_000 }).toBe(200);
  }
  expect(await save('B', [v0.id, v2.id])).toBe(200);
  expect((await publicTitles(request, 'A', user)).titles).toEqual([v0.title, v2.title]);
});

test('SIGTERM: in-flight requests finish, leases are handed back, the process exits 0 within 10 s', async ({ request }) => {
  await tiktok(request, { action: 'fault', endpoint: 'video/list', delayMs: 1_500, times: 1 });
  const inflight = fetch(`${c.at('B')}/api/videos`, { headers: { cookie } });
  await new Promise((r) => setTimeout(r, 300));
  const started = Date.now();
  const code = await c.stop('B', 'SIGTERM');
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect((await inflight).status).toBe(200);
  expect(c.logs.some((l) => l.startsWith('[B]') && l.includes('stopped in'))).toBe(true);
  await c.startInstance('B');
});

test('readiness: a fresh instance is ready at its first probe; after SIGTERM it never answers 200; it names checks only', async ({ request }) => {
  // A fresh instance: its very first readiness probe (Redis is connected at start, not on first use).
  await c.stop('B', 'SIGTERM');
  await c.startInstance('B');
  const first = await fetch(`${c.at('B')}/api/health?ready=1`);
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ ok: true, checks: { database: { ok: true }, redis: { ok: true } } });

  // Draining: an in-flight request keeps B up for a while; every probe meanwhile is refused or 503.
  await tiktok(request, { action: 'fault', endpoint: 'video/list', delayMs: 2_000, times: 1 });
  const inflight = fetch(`${c.at('B')}/api/videos`, { headers: { cookie } });
  await new Promise((r) => setTimeout(r, 300));
  const stopped = c.stop('B', 'SIGTERM');
  const probes: Array<number | string> = [];
  let exited = false;
  void stopped.then(() => (exited = true));
  while (!exited) {
    probes.push(
      await fetch(`${c.at('B')}/api/health?ready=1`).then(
        (r) => r.status,
        () => 'refused',
      ),
    );
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await stopped).toBe(0);
  expect((await inflight).status).toBe(200);
  expect(probes.length).toBeGreaterThan(3);
  expect(probes.filter((p) => p !== 503 && p !== 'refused')).toEqual([]);

  // A failing check is named, and nothing more (no driver message, host or port).
  await c.redis.down();
  try {
    const ready = await fetch(`${c.at('A')}/api/health?ready=1`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ok: false, checks: { database: { ok: true }, redis: { ok: false } } });
  } finally {
    await c.redis.up();
  }
  await c.startInstance('B');
});

test('a showcase created on A is served by B at once, and a change on B shows on A at once', async ({ request }) => {
  const call = (instance: 'A' | 'B', method: string, path: string, body?: unknown) =>
    fetch(`${c.at(instance)}${path}`, {
      method,
      headers: { cookie, Origin: c.at(instance), 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = await call('A', 'POST', '/api/showcases', { title: 'Across instances', published: true });
  expect(created.status).toBe(201);
  const { showcase } = await created.json();
  expect((await call('A', 'PUT', `/api/showcases/${showcase.id}/items`, { items: [{ videoId: videos[4].id }, { videoId: videos[5].id }] })).status).toBe(200);

  const named = async (instance: 'A' | 'B') => {
    const res = await request.get(`${c.at(instance)}/u/${user}/across-instances`, { headers: { cookie: '' } });
    expect(res.status(), instance).toBe(200);
    return [...(await res.text()).matchAll(/<span class="title">([^<]+)<\/span>/g)].map((m) => m[1]);
  };
  const json = async (instance: 'A' | 'B') =>
    (await (await request.get(`${c.at(instance)}/api/public/showcases/${user}/across-instances`)).json()).videos.map((v: { id: string }) => v.id);
  expect(await named('B')).toEqual([videos[4].title, videos[5].title]);
  expect(await json('B')).toEqual([videos[4].id, videos[5].id]);
  // Cached on both now; a save on B drops it everywhere.
  expect(await named('A')).toEqual([videos[4].title, videos[5].title]);
  expect((await call('B', 'PUT', `/api/showcases/${showcase.id}/items`, { items: [{ videoId: videos[5].id }] })).status).toBe(200);
  expect(await named('A')).toEqual([videos[5].title]);
  expect(await json('A')).toEqual([videos[5].id]);
  expect((await call('B', 'GET', '/api/showcases')).status).toBe(200);
});
