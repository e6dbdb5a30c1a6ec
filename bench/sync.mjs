// The sync pass of `npm run bench`: many sandbox creators, each with three rule showcases (latest,
// top, hashtag), synced by the cron route in one pass. Prints the TikTok calls per creator per pass
// by endpoint, the creators synced per minute, and what TikTok's budget (600 calls a minute per
// endpoint) keeps fresh at SYNC_INTERVAL_HOURS.
// Options (env): BENCH_SYNC_CREATORS (default 30).

import { rmSync } from 'node:fs';
import { signInAs } from './sandbox-session.mjs';

const CREATORS = Number(process.env.BENCH_SYNC_CREATORS ?? 30);
const CRON_SECRET = 'bench-cron-secret-0123456789abcdef';
const RULES = [
  { title: 'Newest', rule: { kind: 'latest', count: 6 } },
  { title: 'Most viewed', rule: { kind: 'top', count: 6, by: 'views' } },
  { title: 'Food', rule: { kind: 'hashtag', count: 6, tag: 'food' } },
];

/**
 * @param {{ env: NodeJS.ProcessEnv, port: number, controlHeaders: Record<string, string>,
 *   startServer: (env: NodeJS.ProcessEnv, port: number) => Promise<import('node:child_process').ChildProcess>,
 *   stop: (child: import('node:child_process').ChildProcess) => void }} o
 */
export async function syncPass(o) {
  const base = `http://127.0.0.1:${o.port}`;
  const dir = 'data/bench-sync';
  rmSync(dir, { recursive: true, force: true });
  // Many sign-ins from one machine: as behind a load balancer, each creator is a client of its own.
  const env = { ...o.env, DATABASE_URL: `file:./${dir}/showreel.db`, SHOWREEL_DATA_DIR: dir, APP_URL: base, CRON_SECRET, TRUST_PROXY: '1' };
  const server = await o.startServer(env, o.port);
  try {
    console.log(`sync pass: ${CREATORS} creators with ${RULES.length} rule showcases each…`);
    for (let i = 0; i < CREATORS; i++) {
      const session = await signInAs(base, `bench.sync.${i}`, { 'x-forwarded-for': `203.0.113.${i % 250}` });
      for (const s of RULES) {
        const res = await fetch(`${base}/api/showcases`, {
          method: 'POST',
          headers: { cookie: session, origin: base, 'content-type': 'application/json' },
          body: JSON.stringify({ ...s, published: true }),
        });
        if (res.status !== 201) throw new Error(`creating a showcase failed: ${res.status} ${await res.text()}`);
      }
    }
    // Each creator posts a new video since the showcases were made: the pass has something to pick up.
    for (let i = 0; i < CREATORS; i++) {
      await fetch(`${base}/sandbox/control`, {
        method: 'POST',
        headers: o.controlHeaders,
        body: JSON.stringify({ action: 'publishVideo', username: `bench.sync.${i}`, title: `New #food ${i}` }),
      });
    }
    await fetch(`${base}/sandbox/control`, { method: 'POST', headers: o.controlHeaders, body: JSON.stringify({ action: 'resetCounters' }) });
    const started = performance.now();
    const res = await fetch(`${base}/api/cron/sync?all=1`, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
    const ms = performance.now() - started;
    const { summary } = await res.json();
    const { counters } = await (await fetch(`${base}/sandbox/control`, { headers: o.controlHeaders })).json();
    /** @type {Record<string, number>} */
    const calls = Object.fromEntries(Object.entries(counters).filter(([k]) => !k.includes('@') && !k.startsWith('cdn')));
    const per = (/** @type {string} */ k) => ((calls[k] ?? 0) / CREATORS).toFixed(2);
    console.table(
      Object.keys(calls)
        .sort()
        .map((k) => ({ endpoint: k, calls: calls[k], 'per creator per pass': Number(per(k)) })),
    );
    const perMinute = (summary.done / ms) * 60_000;
    console.log(
      `sync pass: ${summary.done} of ${CREATORS} creators synced in ${Math.round(ms)} ms (${Math.round(perMinute)} creators per minute), ${summary.failed} failed`,
    );
    // The budget binds on the endpoint a pass calls most: video/list (a page per 20 of the newest 100).
    const worst = Math.max(...['user/info', 'video/list', 'video/query'].map((k) => (calls[k] ?? 0) / CREATORS));
    const hours = Number(process.env.SYNC_INTERVAL_HOURS ?? 12);
    console.log(
      `budget: 600 calls a minute per endpoint / ${worst.toFixed(2)} calls per creator on the busiest = ${Math.floor(600 / worst)} creators a minute; ` +
        `at SYNC_INTERVAL_HOURS=${hours} that keeps ${Math.floor((600 / worst) * 60 * hours).toLocaleString('en')} creators fresh`,
    );
  } finally {
    o.stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}
