import { expect, test } from '@playwright/test';
import { clusterPerFile } from '../support/cluster';
import { controlHeaders, type SandboxVideo, signIn, uniqueUser } from '../support/helpers';

// Issue 16, item 5: one instance (B) cut off from Redis while the other (A) keeps it. A save made
// through B cannot record its revalidation in Redis itself; it hands the record to A (through the
// database) and answers once A has written it, so A never serves its old copy afterwards.
test.describe.configure({ mode: 'serial' });

const { c, db } = clusterPerFile({ splitRedis: true });

/** The titles a visitor (no cookies) sees on an instance's public page, and whether it came from the cache. */
async function publicTitles(instance: 'A' | 'B', handle: string) {
  const res = await fetch(`${c.at(instance)}/u/${handle}`);
  expect(res.status).toBe(200);
  const html = await res.text();
  return { cache: res.headers.get('x-nextjs-cache'), titles: [...html.matchAll(/<span class="title">([^<]+)<\/span>/g)].map((m) => m[1]) };
}

test('a save through the instance cut off from Redis shows on the other at once', async ({ page }) => {
  const user = uniqueUser('split');
  const listed = await fetch(`${c.at('tiktok')}/sandbox/control`, {
    method: 'POST',
    headers: { ...controlHeaders, 'Content-Type': 'application/json' },
    body: JSON.stringify({ action: 'videos', username: user }),
  });
  const [v0, v1, v2] = ((await listed.json()).videos as SandboxVideo[]).sort((a, b) => b.createTime - a.createTime);
  await signIn(page, user, { start: `${c.at('A')}/api/auth/tiktok` });
  await expect(page.getByRole('heading', { name: 'Your showcase' })).toBeVisible();
  const session = (await page.context().cookies(c.url)).find((k) => k.name === 'showreel_session');
  const cookie = `showreel_session=${session!.value}`;
  const save = async (instance: 'A' | 'B', ids: string[]) =>
    (
      await fetch(`${c.at(instance)}/api/showcase`, {
        method: 'PUT',
        headers: { cookie, Origin: c.at(instance), 'Content-Type': 'application/json' },
        body: JSON.stringify({ videoIds: ids }),
      })
    ).status;

  expect(await save('A', [v0.id, v1.id, v2.id])).toBe(200);
  await publicTitles('A', user);
  expect(await publicTitles('A', user)).toEqual({ cache: 'HIT', titles: [v0.title, v1.title, v2.title] });

  await c.redisB!.down();
  await expect.poll(async () => (await fetch(`${c.at('B')}/api/health?ready=1`)).status, { timeout: 15_000 }).toBe(503);
  expect((await fetch(`${c.at('A')}/api/health?ready=1`)).status).toBe(200);

  expect(await save('B', [v2.id, v0.id, v1.id])).toBe(200);
  // A kept its copy of the old page; B's revalidation, recorded by A, makes it stale there at once.
  expect((await publicTitles('A', user)).titles).toEqual([v2.title, v0.title, v1.title]);
  expect((await db().query('SELECT count(*)::int AS n FROM "RevalidationReplay"')).rows[0].n).toBe(0);
  // B could not write the record itself: A did, from the database.
  expect(c.logs.some((l) => l.startsWith('[B]') && l.includes('could not record the revalidation'))).toBe(true);
  expect(c.logs.some((l) => l.includes('no instance has recorded the revalidation'))).toBe(false);
  expect((await publicTitles('B', user)).titles).toEqual([v2.title, v0.title, v1.title]);

  await c.redisB!.up();
  await expect.poll(async () => (await fetch(`${c.at('B')}/api/health?ready=1`)).status, { timeout: 20_000 }).toBe(200);
  expect(await save('B', [v1.id, v2.id])).toBe(200);
  expect((await publicTitles('A', user)).titles).toEqual([v1.title, v2.title]);
});
