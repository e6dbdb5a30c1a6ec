// `npm run bench`: the public showcase against a static page of the same size, the landing page, the
// embed and the public JSON API, on the production server, for a fixed time each, with autocannon;
// then the same public page and the dashboard's showcase API on SQLite and, when they answer, on
// PostgreSQL + Redis (shared cache), side by side.
// Prints requests/s, p99 latency, errors, the ratios, and the TikTok calls each run made (from the
// sandbox's counters).
//
// Pictures: a cover copy's URL is measured beside the page on both databases, the bytes of images
// one page load takes (the copies the page points at, and the TikTok CDN originals a browser used
// to be sent to), and the TikTok calls 1,000 page views with their covers make (it must be 0).
//
// The edge (issue 21): the same public page through Varnish running the shipped VCL
// (deploy/varnish/default.vcl, when varnishd is installed), at the origin, as the static twin, and
// from a bare node:http server sending the page's exact bytes, in turns within one run, with the
// ratios through Varnish / bare server and origin / static twin.
// Insights (issue 20): POST /api/events, one beacon per page view from a pool of client addresses,
// beside the public page on both databases; then the database's row writes per minute of the
// insights tables at growing event rates (they must stay flat: events are counted in memory or
// Redis and added to the rollups per flush, not per event).
//
// Every server is warmed up (load that is not counted) before it is measured.
// Options (env): BENCH_SECONDS (default 10), BENCH_WRITES_SECONDS (default 30), BENCH_CONNECTIONS (default 10), BENCH_PORT (default 3200),
// BENCH_VIDEOS (default 24), BENCH_WARMUP_SECONDS (default 3), TEST_DATABASE_URL / TEST_REDIS_URL (as `npm test`),
// BENCH_PAGE_ONLY=1 (stop after the public page's rows).

import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
// @ts-expect-error autocannon ships no type declarations: what this script reads of it is typed below.
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { signInAs } from './sandbox-session.mjs';
import { syncPass } from './sync.mjs';

/**
 * What this script reads of an autocannon result.
 * @typedef {{ requests: { average: number, total: number }, latency: { p99: number }, errors: number, non2xx: number, timeouts: number }} Result
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const VIDEOS = Number(process.env.BENCH_VIDEOS ?? 24);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const BASE = `http://127.0.0.1:${PORT}`;
const USER = 'bench.creator';
/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  SHOWREEL_SANDBOX: '1',
  SHOWREEL_DATA_DIR: 'data/bench',
  SANDBOX_CONTROL_TOKEN: 'bench-sandbox-control-token-0123456789',
  DATABASE_URL: 'file:./data/bench/showreel.db',
  APP_URL: BASE,
  // The event load comes from a pool of client addresses (X-Forwarded-For), as behind a load balancer.
  TRUST_PROXY: '1',
};
/** /sandbox/control answers only its token outside development. */
const controlHeaders = { Authorization: `Bearer ${env.SANDBOX_CONTROL_TOKEN}` };
const PG_ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PG_DB = `showreel_bench_${Date.now().toString(36)}`;

function build() {
  console.log('building…');
  const r = spawnSync('npx', ['next', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('next build failed');
}

async function startServer(serverEnv = env, port = PORT) {
  const r = spawnSync(process.execPath, ['scripts/prepare.mjs'], { env: serverEnv, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('start-up refused');
  const child = spawn(process.execPath, ['scripts/server.mjs', '-H', '127.0.0.1', '-p', String(port)], { env: serverEnv, stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

/** @param {import('node:child_process').ChildProcess} child */
function stop(child) {
  try {
    process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Signs the bench creator in through the sandbox, as a browser would, and saves a showcase. */
async function seed(base = BASE) {
  const session = await signInAs(base, USER);
  const control = await fetch(`${base}/sandbox/control`, {
    method: 'POST',
    headers: controlHeaders,
    body: JSON.stringify({ action: 'videos', username: USER }),
  });
  const ids = (await control.json()).videos.slice(0, VIDEOS).map((/** @type {{ id: string }} */ v) => v.id);
  const saved = await fetch(`${base}/api/showcase`, {
    method: 'PUT',
    headers: { cookie: session, origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ videoIds: ids }),
  });
  if (!saved.ok) throw new Error(`saving the showcase failed: ${saved.status}`);
  return session;
}

/** The image URLs a public page points at (each cover's default src, and the avatar). */
async function pageImages(base = BASE) {
  const html = await (await fetch(`${base}/u/${USER}`)).text();
  return [...html.matchAll(/<img[^>]*?src="([^"]+)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));
}

/** @param {string[]} urls @param {string} base */
async function bytesOf(urls, base = BASE) {
  let n = 0;
  for (const u of urls) n += (await (await fetch(new URL(u, base))).arrayBuffer()).byteLength;
  return n;
}

/**
 * The TikTok CDN originals of the showcase's covers: where visitors' browsers were sent before the copies.
 * @param {string} session @param {string} [base]
 */
async function originalCoverBytes(session, base = BASE) {
  /** @type {string[]} */
  const urls = [];
  /** @type {number | null} */
  let cursor = null;
  while (urls.length < VIDEOS) {
    const page = await (await fetch(`${base}/api/videos${cursor ? `?cursor=${cursor}` : ''}`, { headers: { cookie: session } })).json();
    urls.push(...page.videos.map((/** @type {{ coverUrl: string }} */ v) => v.coverUrl));
    if (!page.hasMore) break;
    cursor = page.cursor;
  }
  return bytesOf(urls.slice(0, VIDEOS), base);
}

async function tiktokCalls(base = BASE) {
  const { counters } = await (await fetch(`${base}/sandbox/control`, { headers: controlHeaders })).json();
  return Object.entries(counters)
    .filter(([k]) => !k.includes('@'))
    .reduce((n, [, v]) => n + v, 0);
}

/**
 * @param {string} path @param {Record<string, string>} [headers]
 * @returns {Promise<Result>}
 */
function load(path, headers = {}, duration = SECONDS, base = BASE) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${base}${path}`, connections: CONNECTIONS, duration, headers }, (/** @type {Error | null} */ err, /** @type {Result} */ result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

/** Each rate of the writes-per-minute rows runs this long: several flushes (every 5 s, or 10 s with Redis). */
const WRITES_SECONDS = Number(process.env.BENCH_WRITES_SECONDS ?? Math.max(SECONDS, 30));
/** How many addresses the event load comes from: each stays under the 60 events a minute counted per client. */
const EVENT_CLIENTS = 5000;
const EVENT_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The showcase id the public page's counting script names. */
async function showcaseIdOf(base = BASE) {
  const html = await (await fetch(`${base}/u/${USER}`)).text();
  const id = html.match(/data-showcase="([^"]+)"/)?.[1];
  if (!id) throw new Error(`no counting script on ${base}/u/${USER}`);
  return id;
}

/**
 * POST /api/events as the counting script sends it (a view), each request from the next address of the pool.
 * @param {string} showcase @param {{ duration?: number, amount?: number, rate?: number, base?: string }} [options]
 * @returns {Promise<Result>}
 */
function loadEvents(showcase, { duration = SECONDS, amount, rate, base = BASE } = {}) {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${base}/api/events`,
        connections: CONNECTIONS,
        ...(amount ? { amount } : { duration }),
        ...(rate ? { overallRate: rate } : {}),
        // autocannon calls setupRequest for the entries of `requests` only, once per request sent.
        requests: [
          {
            method: 'POST',
            headers: { origin: base, 'content-type': 'text/plain;charset=UTF-8', 'user-agent': EVENT_UA },
            body: JSON.stringify({ type: 'view', showcase, ref: 'https://www.tiktok.com/@bench' }),
            setupRequest: (/** @type {{ headers: Record<string, string> }} */ req) => {
              n = (n + 1) % EVENT_CLIENTS;
              return { ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}` } };
            },
          },
        ],
      },
      (/** @type {Error | null} */ err, /** @type {Result} */ result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/**
 * The rows written to the insights tables so far: on SQLite by triggers the bench adds to its own
 * database file, on PostgreSQL from the statistics views.
 * @param {{ sqlite?: string, postgres?: string }} where
 */
async function insightsWrites(where) {
  const tables = ['InsightsDay', 'InsightsVideo', 'InsightsSource', 'InsightsVisitor', 'InsightsSalt', 'InsightsFlush'];
  if (where.sqlite) {
    const sqlite = new Database(where.sqlite);
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS "_BenchWrites" ("n" INTEGER NOT NULL); INSERT INTO "_BenchWrites" SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM "_BenchWrites");',
    );
    for (const t of tables) {
      for (const op of ['INSERT', 'UPDATE']) {
        sqlite.exec(`CREATE TRIGGER IF NOT EXISTS "_bench_${t}_${op}" AFTER ${op} ON "${t}" BEGIN UPDATE "_BenchWrites" SET "n" = "n" + 1; END;`);
      }
    }
    const { n } = /** @type {{ n: number }} */ (sqlite.prepare('SELECT "n" FROM "_BenchWrites"').get());
    sqlite.close();
    return n;
  }
  const client = new pg.Client({ connectionString: where.postgres });
  await client.connect();
  const { rows } = await client.query('SELECT coalesce(sum(n_tup_ins + n_tup_upd), 0)::int AS n FROM pg_stat_user_tables WHERE relname = ANY($1)', [tables]);
  await client.end();
  return rows[0].n;
}

/**
 * Events at growing fixed rates, and the insights tables' row writes per minute at each.
 * @param {string} label @param {string} base @param {{ sqlite?: string, postgres?: string }} where
 */
async function writesPerMinute(label, base, where) {
  const showcase = await showcaseIdOf(base);
  // Every address of the pool seen once, so its visitor row exists: what follows writes counts only.
  await loadEvents(showcase, { amount: EVENT_CLIENTS, base });
  await new Promise((r) => setTimeout(r, 11_000)); // the warm-up's last flush
  const out = [];
  for (const rate of [50, 200, 800]) {
    const before = await insightsWrites(where);
    const started = Date.now();
    const result = await loadEvents(showcase, { rate, duration: WRITES_SECONDS, base });
    const minutes = (Date.now() - started) / 60_000;
    const writes = (await insightsWrites(where)) - before;
    out.push({
      server: label,
      'events/s asked': rate,
      'events/s served': Math.round(result.requests.average),
      errors: result.errors + result.non2xx + result.timeouts,
      'row writes/min': Math.round(writes / minutes),
    });
  }
  return out;
}

/** Load that is not counted: a fresh server's first seconds measure V8 compiling, not the app. */
/** @param {string} path @param {Record<string, string>} [headers] */
const warmUp = (path, headers, base = BASE) => load(path, headers, WARM_UP_SECONDS, base);

const resetCounters = (base = BASE) =>
  fetch(`${base}/sandbox/control`, { method: 'POST', headers: controlHeaders, body: JSON.stringify({ action: 'resetCounters' }) });

/**
 * Several results of one load, as one: requests/s averaged, the worst p99, errors summed.
 * @param {Result[]} results @returns {Result}
 */
function merge(results) {
  return {
    requests: { average: results.reduce((n, r) => n + r.requests.average, 0) / results.length, total: results.reduce((n, r) => n + r.requests.total, 0) },
    latency: { p99: Math.max(...results.map((r) => r.latency.p99)) },
    errors: results.reduce((n, r) => n + r.errors, 0),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
  };
}

/** @param {string} name @param {Result} r */
const row = (name, r) => ({
  page: name,
  'requests/s': Math.round(r.requests.average),
  'p99 ms': r.latency.p99,
  errors: r.errors + r.non2xx + r.timeouts,
  requests: r.requests.total,
});

/**
 * The public page and the dashboard's showcase API on several running servers, measured in turns
 * (A, B, A, B…) so that whatever else the machine does in the meantime falls on all of them alike.
 * @param {Array<{ label: string, base: string, session: string }>} servers
 */
async function publicAndApi(servers, rounds = 2) {
  /** @type {string[]} */
  const covers = [];
  /** @type {string[]} */
  const showcases = [];
  for (const { base, session } of servers) {
    await fetch(`${base}/u/${USER}`); // first render fills the cache
    const cover = (await pageImages(base)).find((u) => u.startsWith('/img/'));
    if (!cover) throw new Error(`no cover copy on ${base}/u/${USER}`);
    covers.push(cover);
    await warmUp(`/u/${USER}`, {}, base);
    await warmUp(cover, {}, base);
    await warmUp('/api/showcase', { cookie: session }, base);
    showcases.push(await showcaseIdOf(base));
    await loadEvents(showcases[showcases.length - 1], { duration: WARM_UP_SECONDS, base });
    await resetCounters(base);
  }
  const runs = servers.map(() => ({
    page: /** @type {Result[]} */ ([]),
    image: /** @type {Result[]} */ ([]),
    api: /** @type {Result[]} */ ([]),
    events: /** @type {Result[]} */ ([]),
  }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, { base }] of servers.entries()) runs[i].page.push(await load(`/u/${USER}`, {}, SECONDS, base));
    for (const [i, { base }] of servers.entries()) runs[i].image.push(await load(covers[i], {}, SECONDS, base));
    for (const [i, { base, session }] of servers.entries()) runs[i].api.push(await load('/api/showcase', { cookie: session }, SECONDS, base));
    for (const [i, { base }] of servers.entries()) runs[i].events.push(await loadEvents(showcases[i], { base }));
  }
  return Promise.all(
    servers.map(async ({ label, base }, i) => {
      const page = merge(runs[i].page);
      const image = merge(runs[i].image);
      const api = merge(runs[i].api);
      const events = merge(runs[i].events);
      return {
        rows: [
          row(`public showcase (${label})`, page),
          row(`cover image (${label})`, image),
          row(`GET /api/showcase (${label})`, api),
          row(`POST /api/events (${label})`, events),
        ],
        page,
        image,
        api,
        events,
        calls: await tiktokCalls(base),
      };
    }),
  );
}

/** 1,000 visitor page views, each with every image the page points at: what they cost TikTok. */
async function tiktokCallsPerThousandViews(base = BASE) {
  const images = await pageImages(base);
  await resetCounters(base);
  /** @param {string} path */
  const hit = (path) =>
    new Promise((resolve, reject) =>
      autocannon({ url: `${base}${path}`, connections: CONNECTIONS, amount: 1000 }, (/** @type {Error | null} */ e) => (e ? reject(e) : resolve(null))),
    );
  await hit(`/u/${USER}`);
  for (const image of new Set(images)) await hit(image);
  return tiktokCalls(base);
}

/** Waits until something answers at `url` (any status), or throws after about 20 s. @param {string} url */
async function answering(url) {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`nothing answered at ${url}`);
}

/**
 * The public page four ways in one run, measured in turns: through Varnish (the shipped VCL, its
 * backend line pointed at this server), at the origin, the static twin, and a bare node:http server
 * (a process of its own) sending the page's exact bytes. Without varnishd the Varnish row is left out.
 */
async function edgeRows(rounds = 2) {
  const page = await fetch(`${BASE}/u/${USER}`);
  const bytes = Buffer.from(await page.arrayBuffer());
  writeFileSync('data/bench/page.html', bytes);
  const bareBase = `http://127.0.0.1:${PORT + 2}`;
  const edgeBase = `http://127.0.0.1:${PORT + 3}`;
  const bareScript = `const b = require('node:fs').readFileSync('data/bench/page.html');
require('node:http').createServer((q, s) => { s.writeHead(200, { 'content-type': ${JSON.stringify(page.headers.get('content-type'))}, 'content-length': b.length }); s.end(b); }).listen(${PORT + 2}, '127.0.0.1');`;
  const bare = spawn(process.execPath, ['-e', bareScript], { stdio: 'ignore' });
  /** @type {import('node:child_process').ChildProcess | null} */
  let varnish = null;
  try {
    const haveVarnish = spawnSync('varnishd', ['-V'], { stdio: 'ignore' }).status === 0;
    if (haveVarnish) {
      const vcl = readFileSync('deploy/varnish/default.vcl', 'utf8').replace(/\.port = "3000";/, `.port = "${PORT}";`);
      mkdirSync('data/bench/varnish', { recursive: true });
      writeFileSync('data/bench/varnish/default.vcl', vcl);
      varnish = spawn(
        'varnishd',
        [
          '-F',
          '-j',
          'none',
          '-a',
          `127.0.0.1:${PORT + 3}`,
          '-f',
          resolve('data/bench/varnish/default.vcl'),
          '-n',
          resolve('data/bench/varnish/work'),
          '-s',
          'malloc,256m',
        ],
        { stdio: 'ignore' },
      );
      await answering(`${edgeBase}/robots.txt`);
    } else {
      console.log('varnishd is not installed: no row through Varnish');
    }
    await answering(`${bareBase}/`);
    /** @type {Array<[string, string, string]>} */
    const ways = [
      .../** @type {Array<[string, string, string]>} */ (varnish ? [['public showcase through Varnish', edgeBase, `/u/${USER}`]] : []),
      ['public showcase at the origin', BASE, `/u/${USER}`],
      ['static twin (the origin)', BASE, '/_bench/static.html'],
      ['bare node:http, the same bytes', bareBase, '/'],
    ];
    for (const [, base, path] of ways) await warmUp(path, {}, base);
    /** @type {Result[][]} */
    const runs = ways.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, [, base, path]] of ways.entries()) runs[i].push(await load(path, {}, SECONDS, base));
    }
    const results = runs.map(merge);
    console.log(`(the public page four ways: each figure the mean of ${rounds} runs of ${SECONDS} s, measured in turns; ${bytes.length} bytes)`);
    console.table(ways.map(([name], i) => row(name, results[i])));
    const by = (/** @type {string} */ name) => results[ways.findIndex(([n]) => n === name)];
    const origin = by('public showcase at the origin');
    const twin = by('static twin (the origin)');
    const bareResult = by('bare node:http, the same bytes');
    if (varnish)
      console.log(`through Varnish / bare node:http: ${(by('public showcase through Varnish').requests.average / bareResult.requests.average).toFixed(2)}`);
    console.log(
      `origin / static twin: ${(origin.requests.average / twin.requests.average).toFixed(2)}; p99 origin / twin: ${(origin.latency.p99 / twin.latency.p99).toFixed(2)}`,
    );
  } finally {
    bare.kill('SIGTERM');
    varnish?.kill('SIGTERM');
  }
}

async function postgresUp() {
  const admin = new pg.Client({ connectionString: PG_ADMIN, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${PG_DB}"`);
    return true;
  } catch {
    return false;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

async function dropPostgres() {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${PG_DB}" WITH (FORCE)`);
  await admin.end();
}

async function main() {
  rmSync('data/bench', { recursive: true, force: true });
  rmSync('public/_bench', { recursive: true, force: true });

  // 1. A production server with a seeded showcase, to snapshot the page's HTML as the static twin.
  build();
  let server = await startServer();
  let html;
  let session;
  try {
    session = await seed();
    html = await (await fetch(`${BASE}/u/${USER}`)).text();
  } finally {
    stop(server);
  }
  mkdirSync('public/_bench', { recursive: true });
  writeFileSync('public/_bench/static.html', html);

  // 2. Rebuild so Next serves the static twin from public/, then load both for the same time.
  build();
  server = await startServer();
  try {
    const dynamicSize = (await (await fetch(`${BASE}/u/${USER}`)).text()).length;
    await resetCounters();
    console.log(
      `loading /u/${USER} (${dynamicSize} bytes), /_bench/static.html (${html.length} bytes), the landing page, the embed and the JSON API, ${SECONDS} s each after ${WARM_UP_SECONDS} s of warm-up, ${CONNECTIONS} connections`,
    );
    const surfaces = [
      ['public showcase', `/u/${USER}`],
      ['static page', '/_bench/static.html'],
      ['landing page', '/'],
      ['embed', `/embed/${USER}`],
      ['public JSON API', `/api/public/showcases/${USER}`],
    ];
    for (const [, path] of surfaces) await warmUp(path);
    /** @type {Record<string, Result>} */
    const results = {};
    for (const [name, path] of surfaces) results[name] = await load(path);
    const calls = await tiktokCalls();
    console.table(surfaces.map(([name]) => row(name, results[name])));
    const ratio = (/** @type {string} */ name) => (results[name].requests.average / results['public showcase'].requests.average).toFixed(2);
    console.log(`showcase / static throughput: ${(results['public showcase'].requests.average / results['static page'].requests.average).toFixed(2)}`);
    console.log(`landing / showcase: ${ratio('landing page')}; embed / showcase: ${ratio('embed')}; JSON API / showcase: ${ratio('public JSON API')}`);
    console.log(`TikTok calls during these runs: ${calls}`);
    const script = Buffer.from(await (await fetch(`${BASE}/embed.js`)).arrayBuffer());
    console.log(`embed.js: ${script.length} bytes, ${gzipSync(script).length} bytes gzipped`);
    const images = await pageImages();
    const copies = images.filter((u) => u.startsWith('/img/'));
    console.log(
      `images per public page load (${copies.length} copies: ${VIDEOS} covers and the avatar, at their default widths): ${await bytesOf(images)} bytes; the same covers from TikTok's CDN (before the copies): ${await originalCoverBytes(session)} bytes`,
    );
    console.log(`TikTok calls per 1,000 visitor page views (with their images): ${await tiktokCallsPerThousandViews()}`);
    await edgeRows();
    // BENCH_PAGE_ONLY=1: the public page's rows alone (a quick look after a change to the origin).
    if (process.env.BENCH_PAGE_ONLY === '1') return;

    // 3. The same page and the dashboard's API on SQLite and on PostgreSQL + Redis: both servers up
    // at once, measured in turns.
    const sqliteServer = { label: 'SQLite', base: BASE, session };
    if (!(await postgresUp())) {
      const [sqlite] = await publicAndApi([sqliteServer]);
      console.table(sqlite.rows);
      console.log(`events / public page, SQLite: ${(sqlite.events.requests.average / sqlite.page.requests.average).toFixed(2)}`);
      console.table(await writesPerMinute('SQLite', BASE, { sqlite: 'data/bench/showreel.db' }));
      console.log(`PostgreSQL at ${PG_ADMIN} did not answer: no PostgreSQL row`);
      return;
    }
    let pgServer = null;
    try {
      const u = new URL(PG_ADMIN);
      u.pathname = `/${PG_DB}`;
      const pgBase = `http://127.0.0.1:${PORT + 1}`;
      const pgEnv = {
        ...env,
        DATABASE_URL: u.toString(),
        REDIS_URL: REDIS,
        REDIS_KEY_PREFIX: `bench-${PG_DB}:`,
        SHOWREEL_DATA_DIR: 'data/bench-pg',
        APP_URL: pgBase,
      };
      pgServer = await startServer(pgEnv, PORT + 1);
      const [sqlite, postgres] = await publicAndApi([sqliteServer, { label: 'PostgreSQL + Redis', base: pgBase, session: await seed(pgBase) }]);
      console.log(`(each figure: the mean of 2 runs of ${SECONDS} s, the two servers measured in turns)`);
      console.table([...sqlite.rows, ...postgres.rows]);
      console.log(`public page, PostgreSQL + Redis / SQLite: ${(postgres.page.requests.average / sqlite.page.requests.average).toFixed(2)}`);
      console.log(`showcase API, PostgreSQL + Redis / SQLite: ${(postgres.api.requests.average / sqlite.api.requests.average).toFixed(2)}`);
      console.log(`cover image, PostgreSQL + Redis / SQLite: ${(postgres.image.requests.average / sqlite.image.requests.average).toFixed(2)}`);
      console.log(
        `events / public page: SQLite ${(sqlite.events.requests.average / sqlite.page.requests.average).toFixed(2)}, PostgreSQL + Redis ${(postgres.events.requests.average / postgres.page.requests.average).toFixed(2)}`,
      );
      console.log('insights row writes per minute as the event rate grows (they must stay flat):');
      console.table([
        ...(await writesPerMinute('SQLite', BASE, { sqlite: 'data/bench/showreel.db' })),
        ...(await writesPerMinute('PostgreSQL + Redis', pgBase, { postgres: u.toString() })),
      ]);
      console.log(`TikTok calls during these runs: SQLite ${sqlite.calls}, PostgreSQL + Redis ${postgres.calls}`);
    } finally {
      if (pgServer) stop(pgServer);
      await dropPostgres();
      rmSync('data/bench-pg', { recursive: true, force: true });
    }
  } finally {
    if (server) stop(server);
    rmSync('public/_bench', { recursive: true, force: true });
  }

  // 4. The background sync over many creators with three rule showcases each.
  await syncPass({ env, port: PORT + 5, startServer, stop, controlHeaders });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
