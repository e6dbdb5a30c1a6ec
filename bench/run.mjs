// `npm run bench`: the public showcase against a static page of the same size, on the production
// server, for a fixed time each, with autocannon. Prints requests/s, p99 latency, errors, the ratio
// between the two, and the TikTok calls the run made (from the sandbox's counters).
//
// Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10), BENCH_PORT (default 3200),
// BENCH_VIDEOS (default 24).
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3200);
const VIDEOS = Number(process.env.BENCH_VIDEOS ?? 24);
const BASE = `http://127.0.0.1:${PORT}`;
const USER = 'bench.creator';
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: 'file:./data/bench/showreel.db',
  APP_URL: BASE,
};

function build() {
  console.log('building…');
  const r = spawnSync('npx', ['next', 'build'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('next build failed');
}

async function startServer() {
  spawnSync(process.execPath, ['scripts/prepare.mjs'], { env, stdio: 'inherit' });
  const child = spawn('npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(PORT)], { env, stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

function stop(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

const cookieOf = (res) => (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');

/** Signs the bench creator in through the sandbox, as a browser would, and saves a showcase. */
async function seed() {
  const start = await fetch(`${BASE}/api/auth/tiktok`, { redirect: 'manual' });
  const flowCookie = cookieOf(start);
  const authorize = new URL(start.headers.get('location'));
  const form = new URLSearchParams({ decision: 'authorize', username: USER });
  for (const k of ['client_key', 'redirect_uri', 'state', 'scope', 'code_challenge', 'code_challenge_method']) form.set(k, authorize.searchParams.get(k) ?? '');
  for (const s of authorize.searchParams.get('scope').split(',')) form.append('granted', s);
  const decided = await fetch(`${BASE}/sandbox/v2/auth/authorize/decide`, { method: 'POST', body: form, redirect: 'manual' });
  const callback = await fetch(decided.headers.get('location'), { headers: { cookie: flowCookie }, redirect: 'manual' });
  const session = cookieOf(callback).split('; ').find((c) => c.startsWith('showreel_session='));
  if (!session) throw new Error('sign-in failed');
  const control = await fetch(`${BASE}/sandbox/control`, { method: 'POST', body: JSON.stringify({ action: 'videos', username: USER }) });
  const ids = (await control.json()).videos.slice(0, VIDEOS).map((v) => v.id);
  const saved = await fetch(`${BASE}/api/showcase`, {
    method: 'PUT',
    headers: { cookie: session, origin: BASE, 'content-type': 'application/json' },
    body: JSON.stringify({ videoIds: ids }),
  });
  if (!saved.ok) throw new Error(`saving the showcase failed: ${saved.status}`);
}

async function tiktokCalls() {
  const { counters } = await (await fetch(`${BASE}/sandbox/control`)).json();
  return Object.entries(counters)
    .filter(([k]) => !k.includes('@'))
    .reduce((n, [, v]) => n + v, 0);
}

function load(path) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `${BASE}${path}`, connections: CONNECTIONS, duration: SECONDS }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function main() {
  rmSync('data/bench', { recursive: true, force: true });
  rmSync('public/_bench', { recursive: true, force: true });

  // 1. A production server with a seeded showcase, to snapshot the page's HTML as the static twin.
  build();
  let server = await startServer();
  let html;
  try {
    await seed();
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
    await fetch(`${BASE}/sandbox/control`, { method: 'POST', body: JSON.stringify({ action: 'resetCounters' }) });
    console.log(`loading /u/${USER} (${dynamicSize} bytes) and /_bench/static.html (${html.length} bytes), ${SECONDS} s each, ${CONNECTIONS} connections`);
    const showcase = await load(`/u/${USER}`);
    const calls = await tiktokCalls();
    const statik = await load('/_bench/static.html');
    const row = (name, r) => ({
      page: name,
      'requests/s': Math.round(r.requests.average),
      'p99 ms': r.latency.p99,
      errors: r.errors + r.non2xx + r.timeouts,
      requests: r.requests.total,
    });
    console.table([row('public showcase', showcase), row('static page', statik)]);
    console.log(`showcase / static throughput: ${(showcase.requests.average / statik.requests.average).toFixed(2)}`);
    console.log(`TikTok calls during the showcase run: ${calls}`);
  } finally {
    stop(server);
    rmSync('public/_bench', { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
