import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { CRON_SECRET } from '../playwright.config';
import { control, counters, sandboxVideos, signIn, uniqueUser } from './support/helpers';

// A creator who does not grant video.list (or whose app is not approved for it) builds a showcase
// by pasting TikTok links; each is checked through TikTok's public oEmbed to be theirs.

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

const page = (s: string) => `https://www.tiktok.com/@${s}`;

async function addByLink(p: Page, url: string) {
  const form = p.getByRole('form', { name: 'Add by link' });
  const add = form.getByRole('button', { name: 'Add' });
  // Enabled once hydrated: a value typed before that would be React's to reset.
  await expect(add).toBeEnabled();
  await form.getByLabel('TikTok video link').fill(url);
  await add.click();
}

test('a creator without video.list builds and publishes a showcase by links, and a video removed on TikTok drops out', async ({
  page: p,
  browser,
  request,
}) => {
  const user = uniqueUser('links');
  const videos = await sandboxVideos(request, user);
  await control(request, { action: 'resetCounters' });
  await signIn(p, user, { untick: ['video.list'] });
  await expect(p).toHaveURL(/\/dashboard$/);
  await expect(p.getByRole('form', { name: 'Add by link' })).toBeVisible();
  await expect(p.getByText('No videos yet: add one of yours by its TikTok link.')).toBeVisible();
  await expect(p.getByRole('link', { name: 'Allow access to videos' })).toBeVisible();

  // Its own video page, as TikTok's Share button copies it, and a short link.
  await addByLink(p, `${page(user)}/video/${videos[4].id}?is_from_webapp=1&sender_device=pc`);
  await expect(p.getByRole('status').filter({ hasText: `Added “${videos[4].title}”` })).toBeVisible();
  const short = await control(request, { action: 'shortLink', username: user, videoId: videos[9].id });
  expect(short.url).toMatch(/^https:\/\/vm\.tiktok\.com\//);
  await addByLink(p, short.url);
  await expect(p.getByRole('status').filter({ hasText: `Added “${videos[9].title}”` })).toBeVisible();

  const grid = p.getByRole('list', { name: 'Videos added by link' });
  await expect(grid.getByRole('listitem')).toHaveCount(2);
  // oEmbed gives no date: it is read from the video id, which holds its creation time as TikTok's do.
  const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(videos[4].createTime * 1000));
  await expect(grid.getByRole('listitem').filter({ hasText: videos[4].title })).toContainText(day);
  // Their pictures are the app's copies of TikTok's thumbnails, and they load.
  const thumb = grid.locator('img.cover').first();
  await expect(thumb).toHaveAttribute('src', /^\/img\/[0-9a-f]{32}\/480\.webp$/);
  await expect.poll(() => thumb.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  // Each one added is ticked and in the showcase's order, as added.
  const order = p.getByRole('list', { name: 'Showcase order' }).getByRole('listitem');
  await expect(order).toHaveCount(2);
  await expect(order.nth(0)).toContainText(videos[4].title);
  await expect(order.nth(1)).toContainText(videos[9].title);
  await p.getByRole('button', { name: 'Save showcase and publish' }).click();
  await expect(p.getByRole('status').filter({ hasText: 'Showcase saved (2 videos). Your page is live.' })).toBeVisible();
  // No Display API video call on the way: no video.list, no video/list or video/query.
  const c = await counters(request);
  expect(c['video/list'] ?? 0).toBe(0);
  expect(c['video/query'] ?? 0).toBe(0);
  expect(c.oembed).toBe(2);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/u/${user}`);
  const plays = visitor.getByRole('button', { name: /^Play / });
  await expect(plays).toHaveCount(2);
  await expect(plays.nth(0)).toHaveAccessibleName(`Play ${videos[4].title}`);
  // Its cover is the app's own copy of the thumbnail.
  await expect(visitor.locator('img.cover').first()).toHaveAttribute('src', /^\/img\/[0-9a-f]{32}\/\d+\.webp$/);

  // Deleted on TikTok: the next sync's oEmbed check drops it from the public page.
  await control(request, { action: 'setVideoState', username: user, videoId: videos[4].id, state: 'deleted' });
  const sync = await request.get('/api/cron/sync?all=1', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(sync.status()).toBe(200);
  await visitor.goto(`/u/${user}`);
  await expect(plays).toHaveCount(1);
  await expect(plays.first()).toHaveAccessibleName(`Play ${videos[9].title}`);
  await visitor.context().close();
});

test('links that are refused, each in words, and nothing added', async ({ page: p, request }) => {
  const user = uniqueUser('refuse');
  const videos = await sandboxVideos(request, user);
  const other = uniqueUser('other');
  const theirs = await sandboxVideos(request, other);
  // The other creator exists at the sandbox (TikTok knows their videos) once they have signed in somewhere.
  await control(request, { action: 'setVideoState', username: other, videoId: theirs[0].id, state: 'public' });
  await signIn(p, user, { untick: ['video.list'] });
  await expect(p).toHaveURL(/\/dashboard$/);
  const alert = p.getByRole('form', { name: 'Add by link' }).getByRole('alert');

  await addByLink(p, 'https://example.com/@someone/video/123');
  await expect(alert).toContainText("That isn't a link to a TikTok video.");
  // On a phone, the refusal (with its long example link) wraps: nothing to scroll sideways.
  await p.setViewportSize({ width: 390, height: 844 });
  expect(await p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await p.setViewportSize({ width: 1280, height: 800 });
  await addByLink(p, `${page(other)}/video/${theirs[0].id}`);
  await expect(alert).toContainText(`This video is @${other}'s, not yours`);
  // Pretending it is theirs in the address changes nothing: TikTok says whose it is.
  await addByLink(p, `${page(user)}/video/${theirs[0].id}`);
  await expect(alert).toContainText(`This video is @${other}'s, not yours`);
  await control(request, { action: 'setVideoState', username: user, videoId: videos[2].id, state: 'private' });
  await addByLink(p, `${page(user)}/video/${videos[2].id}`);
  await expect(alert).toContainText("TikTok doesn't show this video publicly: it may be private, deleted");
  await addByLink(p, `${page(user)}/video/7000000000000000001`);
  await expect(alert).toContainText("TikTok doesn't show this video publicly");
  const away = await control(request, { action: 'shortLink', username: user, target: 'https://example.com/tiktok-lookalike' });
  await addByLink(p, away.url);
  await expect(alert).toContainText("That short link doesn't lead to TikTok");

  await expect(p.getByText('No videos yet: add one of yours by its TikTok link.')).toBeVisible();
  // The field, its refusal and the editor meet WCAG 2.2 AA (as e2e/a11y.spec.ts checks every other page).
  const axe = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await p.reload();
  await expect(p.getByText('No videos yet: add one of yours by its TikTok link.')).toBeVisible();
});

test('without user.info.profile too, Add by link says it cannot tell the video is theirs', async ({ page: p, request }) => {
  const user = uniqueUser('noprofile');
  const videos = await sandboxVideos(request, user);
  await signIn(p, user, { untick: ['video.list', 'user.info.profile'] });
  await expect(p).toHaveURL(/\/dashboard$/);
  await addByLink(p, `${page(user)}/video/${videos[0].id}`);
  await expect(p.getByRole('form', { name: 'Add by link' }).getByRole('alert')).toContainText(
    "Showreel can't check that this video is yours: you didn't allow it to read your TikTok username (user.info.profile).",
  );
});

test('the showcases API takes a video by its link in place of its id, and says why one is refused', async ({ page: p, request }) => {
  const user = uniqueUser('itemurl');
  const videos = await sandboxVideos(request, user);
  const other = uniqueUser('itemother');
  const theirs = await sandboxVideos(request, other);
  // The other creator exists at the sandbox (TikTok knows their videos).
  await control(request, { action: 'setVideoState', username: other, videoId: theirs[0].id, state: 'public' });
  await signIn(p, user, { untick: ['video.list'] });
  await expect(p).toHaveURL(/\/dashboard$/);
  const headers = { Origin: new URL(p.url()).origin };
  const created = await p.request.post('/api/showcases', { data: { title: 'By links', published: true }, headers });
  expect(created.status(), await created.text()).toBe(201);
  const { showcase } = await created.json();
  const put = (items: unknown[]) => p.request.put(`/api/showcases/${showcase.id}/items`, { data: { items }, headers });

  const short = await control(request, { action: 'shortLink', username: user, videoId: videos[2].id });
  const saved = await put([{ url: `${page(user)}/video/${videos[1].id}` }, { url: short.url, link: { url: 'https://shop.example/', label: 'Shop' } }]);
  expect(saved.status(), await saved.text()).toBe(200);
  expect((await saved.json()).items.map((i: { videoId: string }) => i.videoId)).toEqual([videos[1].id, videos[2].id]);
  const json = await (await p.request.get(`/api/public/showcases/${user}/by-links`)).json();
  expect(json.videos.map((v: { id: string }) => v.id)).toEqual([videos[1].id, videos[2].id]);
  expect(json.videos[1].link).toEqual({ url: 'https://shop.example/', label: 'Shop' });

  // Refused, naming the item and the reason; the showcase is as it was.
  const refused = async (items: unknown[], message: RegExp) => {
    const res = await put(items);
    expect(res.status(), await res.text()).toBe(400);
    expect((await res.json()).error.message).toMatch(message);
  };
  await refused(
    [{ url: `${page(user)}/video/${videos[3].id}` }, { url: `${page(other)}/video/${theirs[0].id}` }],
    /^items\.1\.url: This video is @.+'s, not yours/,
  );
  await refused([{ url: 'https://example.com/watch?v=1' }], /^items\.0\.url: That isn't a link to a TikTok video/);
  await refused([{ videoId: videos[1].id, url: `${page(user)}/video/${videos[1].id}` }], /give either videoId or url/);
  await refused([{ url: `${page(user)}/video/${videos[1].id}` }, { url: `${page(user)}/video/${videos[1].id}` }], /items\.1: a video can appear only once/);
  const after = await (await p.request.get(`/api/public/showcases/${user}/by-links`)).json();
  expect(after.videos.map((v: { id: string }) => v.id)).toEqual([videos[1].id, videos[2].id]);

  // A rule picks from the recent videos, which this creator did not let Showreel read: refused in
  // words before anything is written, whether made with a rule or given one.
  const ruled = await p.request.post('/api/showcases', { data: { title: 'Newest', rule: { kind: 'latest', count: 3 } }, headers });
  expect(ruled.status()).toBe(400);
  expect((await ruled.json()).error.message).toMatch(/^rule: a rule picks from your recent TikTok videos/);
  const changed = await p.request.patch(`/api/showcases/${showcase.id}`, { data: { rule: { kind: 'latest', count: 3 } }, headers });
  expect(changed.status()).toBe(400);
  const { showcases } = await (await p.request.get('/api/showcases')).json();
  expect(showcases.map((s: { slug: string; rule: { kind: string } }) => [s.slug, s.rule.kind])).toEqual([
    ['featured', 'manual'],
    ['by-links', 'manual'],
  ]);
});
