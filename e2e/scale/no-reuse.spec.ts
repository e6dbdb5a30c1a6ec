import { type APIRequestContext, expect, test } from '@playwright/test';
import { clusterPerFile } from '../support/cluster';
import { controlHeaders, signIn, uniqueUser } from '../support/helpers';

// The claim of lib/auth/tokens.ts, proved where it matters: two app instances and two workers on one
// PostgreSQL refresh the same accounts over and over, and TikTok (the sandbox, which treats a rotated
// refresh token presented again as theft) never sees a refresh token twice.
test.describe.configure({ mode: 'serial' });

// Access tokens die every 4 s at TikTok; the app refreshes 1 s before (so both ways a token is found
// dead happen: by its expiry time, and by TikTok refusing it a little early).
const { c, db } = clusterPerFile({ portOffset: 40, env: { TOKEN_REFRESH_MARGIN_SECONDS: '1' } });

async function tiktok(request: APIRequestContext, body?: Record<string, unknown>) {
  const url = `${c.at('tiktok')}/sandbox/control`;
  const res = body ? await request.post(url, { data: body, headers: controlHeaders }) : await request.get(url, { headers: controlHeaders });
  expect(res.ok(), await res.text()).toBeTruthy();
  return res.json();
}

test('two instances and two workers, access tokens dying every 4 s, 10 accounts: many refreshes, zero reuses, zero reconnects', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  await tiktok(request, { action: 'settings', accessTtlSeconds: 4 });
  const cookies: string[] = [];
  for (let i = 0; i < 10; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await signIn(page, uniqueUser('noreuse'), { start: `${c.at(i % 2 ? 'B' : 'A')}/api/auth/tiktok` });
    await expect(page.getByRole('heading', { name: 'Your showcase' })).toBeVisible();
    const session = (await ctx.cookies(c.url)).find((k) => k.name === 'showreel_session');
    cookies.push(`showreel_session=${session?.value}`);
    await ctx.close();
  }
  await tiktok(request, { action: 'resetCounters' });

  const until = Date.now() + 40_000;
  const statuses: number[] = [];
  // Each creator's dashboard asks A and B in turn for its videos about once a second (the per-creator limit is 60 a minute).
  const creator = async (cookie: string, i: number) => {
    for (let n = i; Date.now() < until; n++) {
      const res = await fetch(`${c.at(n % 2 ? 'B' : 'A')}/api/videos`, { headers: { cookie } });
      statuses.push(res.status);
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 1_100));
    }
  };
  const outputs: string[] = [];
  const worker = async () => {
    while (Date.now() < until) {
      const run = await c.worker();
      expect(run.code, run.output).toBe(0);
      outputs.push(run.output);
    }
  };
  await Promise.all([...cookies.map(creator), worker(), worker()]);

  const { counters } = await tiktok(request);
  const refreshes = counters['oauth/token:refresh'] ?? 0;
  const reuses = Object.entries(counters as Record<string, number>)
    .filter(([k]) => k.startsWith('oauth/token:reuse'))
    .reduce((n, [, v]) => n + v, 0);
  const reconnects = (await db().query(`SELECT count(*)::int AS n FROM "TikTokConnection" WHERE status <> 'active'`)).rows[0].n;
  console.log(
    `[no-reuse, PostgreSQL] ${refreshes} refreshes for ${cookies.length} accounts; ${statuses.length} dashboard loads on A and B, ${outputs.length} worker passes; ${reuses} reuses, ${reconnects} reconnects`,
  );
  expect(reuses).toBe(0);
  expect(reconnects).toBe(0);
  expect(refreshes).toBeGreaterThan(cookies.length * 5);
  for (const out of outputs) expect(out).not.toMatch(/needs reconnect/);
  // A load is never refused for its connection (409); the only other answer allowed is a 503 in
  // words when a refresh by another process outlasted the request's deadline on this busy machine.
  expect(statuses.filter((s) => s === 409)).toEqual([]);
  expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(statuses.length * 0.9);
});
