import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { expect, type Page, test } from '@playwright/test';
import { clusterPerFile } from '../support/cluster';
import { controlHeaders, type SandboxVideo, signIn, uniqueUser } from '../support/helpers';
import { Varnish } from '../support/varnish';

// Two `npm start` instances behind a real Varnish running the shipped VCL (deploy/varnish/default.vcl),
// as a deployment with an edge cache runs them (see cluster.ts): visitors go through Varnish, the
// app purges it by tag.
test.describe.configure({ mode: 'serial' });

// Without varnishd on the machine the journeys are skipped, with the reason, unless the suite must
// run everything (REQUIRE_SERVICES=1, as .ci/run sets it after installing varnish).
const haveVarnish = spawnSync('varnishd', ['-V'], { stdio: 'ignore' }).status === 0;
test.skip(!haveVarnish && process.env.REQUIRE_SERVICES !== '1', 'varnishd is not installed (apt-get install varnish varnish-modules)');

const { c, db } = clusterPerFile({ edge: true }, (c) => c.edge?.logs.slice(-20) ?? []);
const edge = () => c.edge!.url;

/** Every answer the journeys got through Varnish: none that set a cookie may ever come from its cache. */
const seen: Array<{ url: string; cache: string | null; setCookie: boolean }> = [];

/** A GET through Varnish, as a visitor's browser sends it (with whatever cookies it has). */
async function viaEdge(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${edge()}${path}`, { headers, redirect: 'manual' });
  const body = await res.text();
  seen.push({ url: path, cache: res.headers.get('x-cache'), setCookie: res.headers.has('set-cookie') });
  return { status: res.status, headers: res.headers, body };
}

const titlesIn = (html: string) => [...html.matchAll(/<span class="title">([^<]+)<\/span>/g)].map((m) => m[1]);

async function sessionCookie(page: Page): Promise<string> {
  const session = (await page.context().cookies(c.url)).find((k) => k.name === 'showreel_session');
  expect(session).toBeTruthy();
  return `showreel_session=${session!.value}`;
}

let user: string;
let videos: SandboxVideo[];
let cookie: string;

async function save(instance: 'A' | 'B', ids: string[]) {
  const res = await fetch(`${c.at(instance)}/api/showcase`, {
    method: 'PUT',
    headers: { cookie, Origin: c.at(instance), 'Content-Type': 'application/json' },
    body: JSON.stringify({ videoIds: ids }),
  });
  expect(res.status, await res.text()).toBe(200);
}

test("a visitor's second request is an edge hit; a save on either instance shows through the edge at once", async ({ page }) => {
  user = uniqueUser('edge');
  const listed = await fetch(`${c.at('tiktok')}/sandbox/control`, {
    method: 'POST',
    headers: { ...controlHeaders, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'videos', username: user }),
  });
  videos = ((await listed.json()).videos as SandboxVideo[]).sort((a, b) => b.createTime - a.createTime);
  await signIn(page, user, { start: `${c.at('A')}/api/auth/tiktok` });
  await expect(page.getByRole('heading', { name: 'Your showcase' })).toBeVisible();
  cookie = await sessionCookie(page);
  const [v0, v1, v2] = videos;
  await save('A', [v0.id, v1.id, v2.id]);

  // The first visitor fills the edge; the next one (cookies of their own included) is served by it.
  const first = await viaEdge(`/u/${user}`);
  expect(first.status).toBe(200);
  expect(first.headers.get('x-cache')).toBe('MISS');
  expect(titlesIn(first.body)).toEqual([v0.title, v1.title, v2.title]);
  const second = await viaEdge(`/u/${user}`, { cookie: 'tracking=abc' });
  expect(second.headers.get('x-cache')).toBe('HIT');
  expect(second.body).toBe(first.body);
  // Browsers revalidate; the tags are the edge's alone.
  expect(second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate, s-maxage=31536000');
  expect(second.headers.get('xkey')).toBeNull();

  // A client navigation's RSC payload (of a React page: the embed; the public page is a plain
  // document) is kept apart from the HTML.
  // (Next sends a payload request to the URL whose _rsc matches its headers: follow it there.)
  const embedHtml = await viaEdge(`/embed/${user}`);
  const asked = await viaEdge(`/embed/${user}?_rsc=abc`, { RSC: '1' });
  const rscPath = asked.status === 307 ? (asked.headers.get('location') ?? '') : `/embed/${user}?_rsc=abc`;
  const rsc = await viaEdge(rscPath, { RSC: '1' });
  expect(rsc.status).toBe(200);
  expect(rsc.headers.get('content-type')).toContain('text/x-component');
  expect((await viaEdge(rscPath, { RSC: '1' })).headers.get('x-cache')).toBe('HIT');
  expect((await viaEdge(`/embed/${user}`)).body).toBe(embedHtml.body);
  expect((await viaEdge(`/u/${user}`)).body).toBe(first.body);

  // The embed and the JSON API are kept and purged the same way.
  await viaEdge(`/embed/${user}?layout=list`);
  expect((await viaEdge(`/embed/${user}?layout=list`)).headers.get('x-cache')).toBe('HIT');
  await viaEdge(`/api/public/showcases/${user}`);
  expect((await viaEdge(`/api/public/showcases/${user}`)).headers.get('x-cache')).toBe('HIT');

  await save('B', [v2.id, v0.id, v1.id]);
  const after = await viaEdge(`/u/${user}`);
  expect(after.headers.get('x-cache')).toBe('MISS');
  expect(titlesIn(after.body)).toEqual([v2.title, v0.title, v1.title]);
  expect([...(await viaEdge(`/embed/${user}?layout=list`)).body.matchAll(/<span class="embed-title">([^<]+)<\/span>/g)].map((m) => m[1])).toEqual([
    v2.title,
    v0.title,
    v1.title,
  ]);
  const json = JSON.parse((await viaEdge(`/api/public/showcases/${user}`)).body);
  expect(json.videos.map((v: { id: string }) => v.id)).toEqual([v2.id, v0.id, v1.id]);
});

test('an edge the app could not reach during a save shows the new order once it can again (the outbox)', async () => {
  test.setTimeout(90_000);
  const [v0, v1, v2] = videos;
  await viaEdge(`/u/${user}`);
  expect((await viaEdge(`/u/${user}`)).headers.get('x-cache')).toBe('HIT');

  await c.edgePurge.down();
  await save('A', [v1.id, v2.id, v0.id]);
  // The purge could not be delivered: the edge still serves what it kept, and the outbox holds it.
  const stale = await viaEdge(`/u/${user}`);
  expect(stale.headers.get('x-cache')).toBe('HIT');
  expect(titlesIn(stale.body)).toEqual([v2.title, v0.title, v1.title]);
  await expect.poll(async () => (await db().query('SELECT max(attempts) AS n FROM "EdgePurge"')).rows[0].n, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);

  await c.edgePurge.up();
  await expect.poll(async () => titlesIn((await viaEdge(`/u/${user}`)).body), { timeout: 60_000, intervals: [1_000] }).toEqual([v1.title, v2.title, v0.title]);
});

test("a signed-in creator's dashboard is never served from the edge, to them or anyone", async () => {
  const mine = await viaEdge('/dashboard', { cookie });
  expect(mine.status).toBe(200);
  expect(mine.headers.get('cache-control')).toBe('private, no-store');
  const again = await viaEdge('/dashboard', { cookie });
  expect(again.headers.get('x-cache')).toBe('MISS');
  // A visitor without the cookie is sent to sign in, never shown the creator's page.
  const stranger = await viaEdge('/dashboard');
  expect(stranger.headers.get('x-cache')).toBe('MISS');
  expect(stranger.body).not.toContain(user);
  const api = await viaEdge('/api/showcase', { cookie });
  expect(api.status).toBe(200);
  expect((await viaEdge('/api/showcase')).status).toBe(401);
});

test('no answer that sets a cookie is ever stored by the edge', async ({ request }) => {
  // Starting a sign-in sets the OAuth state cookie: each start is fresh, none comes from the cache.
  // (Playwright's client sends no Sec-Fetch headers, like a top-level navigation of an older browser.)
  const start = async () => {
    const res = await request.get(`${edge()}/api/auth/tiktok`, { maxRedirects: 0 });
    seen.push({ url: '/api/auth/tiktok', cache: res.headers()['x-cache'] ?? null, setCookie: Boolean(res.headers()['set-cookie']) });
    return res;
  };
  const starts = [await start(), await start()];
  for (const s of starts) {
    expect(s.status()).toBe(302);
    expect(s.headers()['set-cookie']).toBeTruthy();
    expect(s.headers()['x-cache']).toBe('MISS');
  }
  expect(starts[0].headers().location).not.toBe(starts[1].headers().location);
  // Over every answer of these journeys: those that carried Set-Cookie were all fetched from the app.
  expect(seen.filter((s) => s.setCookie && s.cache !== 'MISS')).toEqual([]);
  expect(seen.some((s) => s.setCookie)).toBe(true);
});

test('the shipped VCL stores no public answer that carries Set-Cookie, whatever its Cache-Control says', async () => {
  // A backend of the test's own, since no public route of the app sets a cookie: it answers a public
  // path with a shared lifetime and a cookie, and counts what reaches it.
  let reached = 0;
  const backend = http.createServer((req, res) => {
    if (req.url?.startsWith('/u/')) reached++;
    const withCookie = req.url?.startsWith('/u/cookie');
    res.writeHead(200, {
      'Cache-Control': 'public, max-age=0, must-revalidate, s-maxage=31536000',
      ...(withCookie ? { 'Set-Cookie': `s=${reached}` } : {}),
      'Content-Type': 'text/plain',
    });
    res.end(`answer ${reached}`);
  });
  const backendPort = c.ports.edge + 3;
  await new Promise<void>((r) => backend.listen(backendPort, '127.0.0.1', () => r()));
  const other = new Varnish(c.ports.edge + 2, backendPort, `${c.dataDir}/varnish-cookie`);
  try {
    await other.start();
    const get = async (path: string) => {
      const res = await fetch(`${other.url}${path}`);
      return { cache: res.headers.get('x-cache'), cookie: res.headers.get('set-cookie'), body: await res.text() };
    };
    const a = await get('/u/cookie');
    const b = await get('/u/cookie');
    expect([a.cache, b.cache]).toEqual(['MISS', 'MISS']);
    expect(a.cookie).not.toBe(b.cookie);
    expect(reached).toBe(2);
    // The same answer without the cookie is kept.
    await get('/u/plain');
    expect((await get('/u/plain')).cache).toBe('HIT');
    expect(reached).toBe(3);
  } finally {
    await other.stop();
    await new Promise<void>((r) => backend.close(() => r()));
  }
});

test('the edge takes purges only from the app’s addresses', async () => {
  const purge = (localAddress: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(`${edge()}/`, { method: 'PURGE', localAddress, headers: { 'xkey-purge': `showcase:${user}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  expect(await purge('127.0.0.2')).toBe(403);
  expect(await purge('127.0.0.1')).toBe(200);
});
