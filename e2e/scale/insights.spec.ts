import { expect, test } from '@playwright/test';
import { clusterPerFile } from '../support/cluster';
import { controlHeaders, type SandboxVideo, signIn, uniqueUser, withinOneMinute } from '../support/helpers';

// Insights on two instances with Redis: events sent to A and to B for one showcase add up once in
// the shared rollups whichever instance flushes, one visitor seen by both is one visitor, and an
// instance stopped by SIGTERM loses none of what it counted.
test.describe.configure({ mode: 'serial' });

const { c, db } = clusterPerFile();
let cookie = '';
let showcase = '';
let videos: SandboxVideo[] = [];

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(180_000);
  const user = uniqueUser('scins');
  const res = await request.post(`${c.at('tiktok')}/sandbox/control`, { data: { action: 'videos', username: user }, headers: controlHeaders });
  videos = ((await res.json()).videos as SandboxVideo[]).sort((a, b) => b.createTime - a.createTime);
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user, { start: `${c.at('A')}/api/auth/tiktok` });
  await expect(page.getByRole('heading', { name: 'Your showcase' })).toBeVisible();
  const session = (await page.context().cookies(c.url)).find((k) => k.name === 'showreel_session');
  cookie = `showreel_session=${session!.value}`;
  const saved = await fetch(`${c.at('B')}/api/showcase`, {
    method: 'PUT',
    headers: { cookie, Origin: c.at('B'), 'Content-Type': 'application/json' },
    body: JSON.stringify({ videoIds: [videos[0].id, videos[1].id] }),
  });
  expect(saved.status).toBe(200);
  await page.context().close();
  showcase = (await (await fetch(`${c.at('A')}/u/${user}`)).text()).match(/data-showcase="([^"]+)"/)?.[1] ?? '';
  expect(showcase).not.toBe('');
});

/** One beacon, as a browser with this User-Agent sends it (every request here comes from 127.0.0.1). */
const send = (instance: 'A' | 'B', ua: string, type: 'view' | 'play', video?: string) =>
  fetch(`${c.at(instance)}/api/events`, {
    method: 'POST',
    headers: {
      Origin: c.at(instance),
      'Content-Type': 'text/plain;charset=UTF-8',
      'User-Agent': `Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36 ${ua}`,
    },
    body: JSON.stringify({ type, showcase, video }),
  });

const totals = async () => (await (await fetch(`${c.at('A')}/api/showcases/${showcase}/insights?days=7`, { headers: { cookie } })).json()).totals;

test('events sent to A and B add up once in the rollups; a visitor seen by both is one visitor', async () => {
  // All of them from one address, so the per-client limit (60 a minute, shared through Redis) must
  // not be reached: 50 events inside one clock minute.
  await withinOneMinute(25);
  const sent = await Promise.all([
    ...Array.from({ length: 20 }, (_, i) => send('A', `Visitor${i % 10}/1`, 'view')), // visitors 0-9, twice each
    ...Array.from({ length: 20 }, (_, i) => send('B', `Visitor${5 + (i % 10)}/1`, 'view')), // visitors 5-14, twice each
    ...Array.from({ length: 5 }, (_, i) => send('A', `Visitor${i}/1`, 'play', videos[0].id)),
    ...Array.from({ length: 5 }, (_, i) => send('B', `Visitor${i}/1`, 'play', videos[1].id)),
  ]);
  expect(sent.every((r) => r.status === 204)).toBe(true);
  await expect.poll(totals, { timeout: 60_000, intervals: [2_000] }).toEqual({ views: 40, visitors: 15, plays: 10, linkClicks: 0 });
  const { rows } = await db().query('SELECT "videoId", plays FROM "InsightsVideo" WHERE "showcaseId" = $1 ORDER BY "videoId"', [showcase]);
  expect(rows.map((r) => [r.videoId, r.plays]).sort()).toEqual([videos[0].id, videos[1].id].sort().map((id) => [id, 5]));
  // Nothing left waiting in Redis, and no batch added twice: one flush record per added batch.
  const flushes = await db().query('SELECT count(*)::int AS n FROM "InsightsFlush"');
  expect(flushes.rows[0].n).toBeGreaterThan(0);
});

test('an instance stopped by SIGTERM right after counting loses none of its events', async () => {
  await withinOneMinute(20);
  const before = await totals();
  const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => send('B', `Late${i}/1`, 'view')));
  expect(sent.every((r) => r.status === 204)).toBe(true);
  expect(await c.stop('B', 'SIGTERM')).toBe(0);
  await expect.poll(totals, { timeout: 60_000, intervals: [2_000] }).toEqual({ ...before, views: before.views + 8, visitors: before.visitors + 8 });
  await c.startInstance('B');
});

test('neither the User-Agents nor the address are in any column of the database', async () => {
  const { rows: columns } = await db().query(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')`,
  );
  expect(columns.length).toBeGreaterThan(10);
  for (const { table_name, column_name } of columns) {
    // Every User-Agent sent here starts with Mozilla/5.0 and names its visitor; the address of
    // every request is 127.0.0.1 (the app's own URL names it too, so it is looked for in insights' tables).
    const ip = table_name.startsWith('Insights') ? ` OR "${column_name}" LIKE '%127.0.0.1%'` : '';
    const { rows } = await db().query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" LIKE '%Mozilla/5.0%' OR "${column_name}" LIKE '%Visitor1/1%'${ip}`,
    );
    expect(rows[0].n, `${table_name}.${column_name}`).toBe(0);
  }
});
