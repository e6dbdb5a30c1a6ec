import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { clientIp, control, controlHeaders, fakeTikTokPlayer, publishedCreator, type SandboxVideo } from './support/helpers';
import { expectSoundLayout, SCREENSHOTS, SIZES } from './support/layout';
import { thirdPartySite } from './support/showcase-fixtures';

// Insights without cookies: visitors of a published showcase in browsers of their own, a crawler,
// one with Global Privacy Control and one seeing an embed on another site; what the creator then
// reads in the JSON and the Insights view, and what the app kept (no cookie, no IP, no User-Agent).
// Flushes run every 5 s without Redis: numbers show within a minute, polled, never waited for.

test.describe.configure({ mode: 'serial' });

const STORAGE = 'test-results/insights-creator.json';
const chrome = (marker: string) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Zqx${marker}/1.0`;
const UA = { twice: chrome('Twice'), player: chrome('Player'), gpc: chrome('Gpc'), embed: chrome('Embed') };
const CRAWLER = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) ZqxCrawler/1.0';

let creator: { user: string; videos: SandboxVideo[] };
let showcaseId: string;
const ips: string[] = [];
const visitors: BrowserContext[] = [];

test.beforeAll(async ({ browser }) => {
  creator = await publishedCreator(browser, 'ins', 3, STORAGE);
  // The second video carries a call to action (several showcases: a video's link, shown under it).
  const context = await browser.newContext({ storageState: STORAGE });
  const { showcases } = await (await context.request.get('/api/showcases')).json();
  const main = showcases.find((s: { isDefault: boolean }) => s.isDefault);
  const items = creator.videos.map((v, i) => ({ videoId: v.id, ...(i === 1 ? { link: { url: 'https://shop.example/look', label: 'Shop this look' } } : {}) }));
  const saved = await context.request.put(`/api/showcases/${main.id}/items`, { data: { items }, headers: { Origin: BASE_URL } });
  expect(saved.status(), await saved.text()).toBe(200);
  await context.close();
});

/** A visitor: a browser of its own, with its own address (the e2e server trusts X-Forwarded-For) and User-Agent. */
async function visitor(browser: Browser, userAgent: string, headers: Record<string, string> = {}): Promise<Page> {
  const ip = clientIp();
  ips.push(ip);
  const context = await browser.newContext({ userAgent, extraHTTPHeaders: { 'X-Forwarded-For': ip, ...headers } });
  visitors.push(context);
  const page = await context.newPage();
  await fakeTikTokPlayer(page);
  return page;
}

/** Waits for the page's next beacon to have been answered (sendBeacon is fire-and-forget). */
const beacon = (page: Page, type: string) =>
  page.waitForResponse((r) => r.url() === `${BASE_URL}/api/events` && r.request().postData()?.includes(`"type":"${type}"`) === true);

async function insights(browser: Browser, days = 7) {
  const context = await browser.newContext({ storageState: STORAGE });
  const res = await context.request.get(`/api/showcases/${showcaseId}/insights?days=${days}`);
  const body = await res.json();
  await context.close();
  return { status: res.status(), body };
}

test('visitors in several browsers: exact views, visitors, plays, link clicks and the embedding host; no cookie, no IP, no User-Agent kept', async ({
  browser,
  request,
}) => {
  // The page is in the cache before anyone visits, and the showcase id is on its counting script.
  await expect.poll(async () => (await request.get(`/u/${creator.user}`)).headers()['x-nextjs-cache']).toBe('HIT');
  const html = await (await request.get(`/u/${creator.user}`)).text();
  showcaseId = html.match(/<script src="\/count\.js\?v=[0-9a-f]+" data-showcase="([^"]+)"/)?.[1] ?? '';
  expect(showcaseId).not.toBe('');
  // Nothing counted yet: the creator's own dashboard (its embed preview included) is not a visit.
  expect((await insights(browser)).body.totals).toEqual({ views: 0, visitors: 0, plays: 0, linkClicks: 0 });

  // One visitor, twice: two views, one visitor.
  const twice = await visitor(browser, UA.twice);
  for (let i = 0; i < 2; i++) {
    const sent = beacon(twice, 'view');
    await twice.goto(`/u/${creator.user}`);
    expect((await sent).status()).toBe(204);
  }

  // One plays two videos and follows a video's call-to-action link (to a shop that stands in here).
  const player = await visitor(browser, UA.player);
  await player.context().route('https://shop.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Shop</title>shop' }));
  const viewed = beacon(player, 'view');
  await player.goto(`/u/${creator.user}`);
  await viewed;
  for (const video of creator.videos.slice(0, 2)) {
    const played = beacon(player, 'play');
    await player.getByRole('button', { name: new RegExp(`^Play ${video.title.replace(/[#]/g, '\\$&')}`) }).click();
    await expect(player.locator(`iframe[title^="TikTok player"]`)).toBeVisible();
    expect((await played).request().postData()).toContain(`"video":"${video.id}"`);
    await player.keyboard.press('Escape');
  }
  const clicked = beacon(player, 'link');
  await player.getByRole('link', { name: /^Shop this look/ }).click();
  expect((await clicked).status()).toBe(204);
  expect((await clicked).request().postData()).toContain(`"video":"${creator.videos[1].id}"`);
  expect((await request.get(`/u/${creator.user}`)).headers()['x-nextjs-cache']).toBe('HIT');

  // A crawler is not counted (its beacon is answered and ignored).
  const crawler = await visitor(browser, CRAWLER);
  const crawled = beacon(crawler, 'view');
  await crawler.goto(`/u/${creator.user}`);
  expect((await crawled).status()).toBe(204);

  // Global Privacy Control: a view, never a visitor.
  const gpc = await visitor(browser, UA.gpc, { 'Sec-GPC': '1' });
  const gpcViewed = beacon(gpc, 'view');
  await gpc.goto(`/u/${creator.user}`);
  expect((await gpcViewed).request().headers()['sec-gpc']).toBe('1');

  // The embed on a page of another origin: a view whose source is that site's host.
  const site = await thirdPartySite(`<!doctype html><html><body><h1>A blog</h1>
    <iframe title="my showcase" src="${BASE_URL}/embed/${creator.user}" width="400" height="600"></iframe></body></html>`);
  try {
    const embed = await visitor(browser, UA.embed);
    const embedViewed = beacon(embed, 'view');
    await embed.goto(site.url);
    expect((await embedViewed).request().postData()).toContain(`"ref":"${new URL(site.url).host}"`);
  } finally {
    site.server.close();
  }

  // The page stayed a cache hit while the events arrived.
  expect((await request.get(`/u/${creator.user}`)).headers()['x-nextjs-cache']).toBe('HIT');

  // Within a minute: exactly these numbers.
  const expected = { views: 5, visitors: 3, plays: 2, linkClicks: 1 };
  await expect.poll(async () => (await insights(browser)).body.totals, { timeout: 60_000, intervals: [1_000] }).toEqual(expected);
  const { status, body } = await insights(browser);
  expect(status).toBe(200);
  expect(body.days).toHaveLength(7);
  expect(body.days[6]).toEqual({ date: new Date().toISOString().slice(0, 10), ...expected });
  expect(body.videos).toEqual([
    { videoId: creator.videos[1].id, title: creator.videos[1].title, plays: 1, linkClicks: 1 },
    { videoId: creator.videos[0].id, title: creator.videos[0].title, plays: 1, linkClicks: 0 },
  ]);
  expect(body.sources).toEqual([{ host: '127.0.0.1', views: 1 }]);

  // No visitor was given a cookie, by the page, the embed or the counting script.
  for (const context of visitors) expect(await context.cookies()).toEqual([]);

  // Neither the User-Agents nor the addresses are anywhere in the database's files.
  const dir = 'data/e2e';
  const files = readdirSync(dir).filter((f) => f.startsWith('showreel.db'));
  expect(files.length).toBeGreaterThan(0);
  const bytes = files.map((f) => readFileSync(join(dir, f)).toString('latin1')).join('\n');
  for (const marker of ['ZqxTwice', 'ZqxPlayer', 'ZqxGpc', 'ZqxEmbed', 'ZqxCrawler', ...ips]) expect(bytes.includes(marker), marker).toBe(false);
  for (const context of visitors) await context.close();
});

test('the Insights view shows the same numbers, the chart, the top videos and the embedding host; the CSV has the daily rows', async ({ browser }) => {
  const context = await browser.newContext({ storageState: STORAGE });
  const page = await context.newPage();
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Last 7 days' }).click();
  await expect(page).toHaveURL(/days=7/);
  const total = (label: string) => page.locator(`[data-total="${label}"]`);
  await expect(total('Views')).toHaveText('5');
  await expect(total('Visitors')).toHaveText('3');
  await expect(total('Plays')).toHaveText('2');
  await expect(total('Link clicks')).toHaveText('1');
  await expect(page.locator('.insights-chart[data-ready="true"] canvas')).toBeVisible();
  const videos = page.getByRole('region', { name: 'Top videos' }).getByRole('row');
  await expect(videos.nth(1)).toContainText(creator.videos[1].title);
  await expect(videos.nth(1)).toContainText('20 %'); // 1 play of 5 views
  await expect(page.getByRole('region', { name: 'Top sources' }).getByRole('row').nth(1)).toHaveText(/127\.0\.0\.1\s*1/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('date,views,visitors,plays,link_clicks');
  expect(csv).toHaveLength(8);
  expect(csv[7]).toBe(`${new Date().toISOString().slice(0, 10)},5,3,2,1`);
  // The overview adds up every showcase (today: the one).
  await page.getByRole('link', { name: 'All showcases' }).click();
  await expect(total('Views')).toHaveText('5');
  await context.close();
});

/** A second creator, whose showcase stays empty until the traffic action fills it. */
let otherCreator = '';

test("another creator's showcase id is 404; signed out is 401", async ({ browser, request }) => {
  const other = await publishedCreator(browser, 'ins-other', 1, 'test-results/insights-other.json');
  otherCreator = other.user;
  const context = await browser.newContext({ storageState: 'test-results/insights-other.json' });
  const res = await context.request.get(`/api/showcases/${showcaseId}/insights?days=30`);
  expect(res.status()).toBe(404);
  expect((await res.json()).error.code).toBe('not_found');
  expect((await context.request.get('/api/showcases/no-such-id/insights')).status()).toBe(404);
  expect((await context.request.get(`/api/showcases/${other.user}/insights?days=12`)).status()).toBe(400);
  expect((await request.get(`/api/showcases/${showcaseId}/insights`)).status()).toBe(401);
  await context.close();
  expect(other.user).not.toBe(creator.user);
});

test('an empty showcase says so honestly', async ({ browser }) => {
  const context = await browser.newContext({ storageState: 'test-results/insights-other.json' });
  const page = await context.newPage();
  await page.goto('/dashboard/insights');
  await expect(page.getByRole('status')).toContainText('No visits yet: share your link');
  await expect(page.locator('.insights-chart')).toHaveCount(0);
  await expect(page.getByText('No plays yet')).toBeVisible();
  await context.close();
});

test("the sandbox's traffic action makes history for a demo: 30 days of charts at once, at a phone's and a laptop's size", async ({ browser, request }) => {
  const refused = await request.post('/sandbox/control', { data: { action: 'traffic', username: 'nobody-signed-in', days: 30, viewsPerDay: 100 } });
  expect(refused.status()).toBe(403); // the control token is required outside development
  const nobody = await request.post('/sandbox/control', {
    data: { action: 'traffic', username: 'nobody-signed-in', days: 30, viewsPerDay: 100 },
    headers: controlHeaders,
  });
  expect(nobody.status()).toBe(404);
  const filled = await control(request, { action: 'traffic', username: otherCreator, days: 30, viewsPerDay: 120 });
  expect(filled.days).toBe(30);
  for (const size of SIZES) {
    const context = await browser.newContext({ storageState: 'test-results/insights-other.json', viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    await page.goto('/dashboard/insights?days=30');
    await expect(page.locator('.insights-chart[data-ready="true"] canvas')).toBeVisible();
    await expect(page.locator('[data-total="Views"]')).toHaveText(filled.views.toLocaleString('en'));
    await expect(page.getByRole('region', { name: 'Top sources' }).getByRole('row')).not.toHaveCount(0);
    await expectSoundLayout(page);
    // axe-core, as e2e/a11y.spec.ts runs it on every other page, with the daily table open.
    await page.getByText('Show the daily numbers').click();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/insights-${size.width}x${size.height}.png`, fullPage: true });
    await context.close();
  }
});

test('refusals: malformed, oversized, cross-site, unknown showcase, and a flood from one client counted 60 times', async ({ browser, request }) => {
  const post = (data: string, headers: Record<string, string> = {}) =>
    request.post('/api/events', {
      data,
      headers: { Origin: BASE_URL, 'Content-Type': 'text/plain;charset=UTF-8', 'User-Agent': chrome('Refusals'), ...headers },
    });
  const notJson = await post('{"type":');
  expect(notJson.status()).toBe(400);
  expect((await notJson.json()).error.code).toBe('bad_request');
  const wrong = await post(JSON.stringify({ type: 'purchase', showcase: showcaseId }));
  expect(wrong.status()).toBe(400);
  expect((await wrong.json()).error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('type') });
  expect((await post(JSON.stringify({ type: 'play', showcase: showcaseId }))).status()).toBe(400); // a play names its video
  const big = await post(JSON.stringify({ type: 'view', showcase: showcaseId, ref: 'x'.repeat(3000) }));
  expect(big.status()).toBe(413);
  expect((await big.json()).error.code).toBe('payload_too_large');
  expect((await post(JSON.stringify({ type: 'view', showcase: showcaseId }), { Origin: 'https://evil.example' })).status()).toBe(403);
  expect((await post(JSON.stringify({ type: 'view', showcase: 'no-such-showcase' }))).status()).toBe(204);
  expect((await request.get('/api/events')).status()).toBe(405);

  // A loop from one address: 80 plays, 60 counted.
  const other = await insights(browser);
  const before = other.body.totals.plays;
  const ip = clientIp();
  const flood = await Promise.all(
    Array.from({ length: 80 }, () => post(JSON.stringify({ type: 'play', showcase: showcaseId, video: creator.videos[2].id }), { 'X-Forwarded-For': ip })),
  );
  expect(flood.every((r) => r.status() === 204)).toBe(true);
  await expect.poll(async () => (await insights(browser)).body.totals.plays, { timeout: 60_000, intervals: [1_000] }).toBe(before + 60);
  // …and it stays there: the 20 others were dropped, not delayed.
  await new Promise((r) => setTimeout(r, 6_000));
  expect((await insights(browser)).body.totals.plays).toBe(before + 60);
});

test('/watch counts a view and a play of its video', async ({ browser }) => {
  const before = (await insights(browser)).body;
  const page = await visitor(browser, chrome('Watch'));
  const played = beacon(page, 'play');
  const viewed = beacon(page, 'view');
  await page.goto(`/watch/${creator.videos[0].id}`);
  expect((await viewed).request().postData()).toContain(`"video":"${creator.videos[0].id}"`);
  expect((await played).request().postData()).toContain(`"video":"${creator.videos[0].id}"`);
  await expect
    .poll(async () => (await insights(browser)).body.totals, { timeout: 60_000, intervals: [1_000] })
    .toMatchObject({ views: before.totals.views + 1, visitors: before.totals.visitors + 1, plays: before.totals.plays + 1 });
  await page.context().close();
});

test('public surfaces load the counting script and nothing more of insights; uPlot only on the Insights view', async ({ browser }) => {
  /** Every script a page loads, with its body. */
  async function scripts(page: Page, path: string): Promise<Array<{ url: string; body: string }>> {
    const loaded: Array<Promise<{ url: string; body: string }>> = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') loaded.push(r.text().then((body) => ({ url: r.url(), body })));
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    return Promise.all(loaded);
  }
  const isUplot = (s: { body: string }) => s.body.includes('u-over');
  const anon = await (await browser.newContext()).newPage();
  for (const path of [`/u/${creator.user}`, `/embed/${creator.user}`, `/watch/${creator.videos[0].id}`]) {
    const loaded = await scripts(anon, path);
    const own = loaded.filter((s) => !new URL(s.url).pathname.startsWith('/_next/'));
    // The public page's player is a script of its own (the page runs no bundle); the others' is in their bundle.
    expect(own.map((s) => new URL(s.url).pathname).sort(), path).toEqual(path.startsWith('/u/') ? ['/count.js', '/player.js'] : ['/count.js']);
    expect(loaded.some(isUplot), path).toBe(false);
    // The page's own code knows nothing of the counting script but the queue a player pushes to.
    expect(
      loaded.some((s) => !s.url.includes('/count.js') && s.body.includes('sendBeacon')),
      path,
    ).toBe(false);
  }
  await anon.context().close();
  const signedIn = await (await browser.newContext({ storageState: STORAGE })).newPage();
  expect((await scripts(signedIn, '/dashboard')).some(isUplot)).toBe(false);
  expect((await scripts(signedIn, '/dashboard/insights?days=7')).some(isUplot)).toBe(true);
  await signedIn.context().close();
});
