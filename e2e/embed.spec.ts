import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { apiPut, control, type SandboxVideo, sandboxVideos, signIn } from './support/helpers';
import { creatorWith, thirdPartySite, titles, visitor } from './support/showcase-fixtures';

// The showcase on other people's websites: embed.js on a page of another origin, the framing rules,
// the embed page's own options, and the dashboard's Share and embed panel.

test.describe.configure({ mode: 'serial' });

let a: { user: string; videos: SandboxVideo[] };
let b: { user: string; videos: SandboxVideo[] };

test.beforeAll(async ({ browser, request }) => {
  const pa = await (await browser.newContext()).newPage();
  const pb = await (await browser.newContext()).newPage();
  a = await creatorWith(pa, request, [5, 0, 9, 2]);
  b = await creatorWith(pb, request, [1, 7, 3]);
});

test('two embed.js embeds on a page of another origin: both showcases in order, sized to content, nothing from TikTok before a click', async ({ browser }) => {
  const site = await thirdPartySite(`<!doctype html><html><body style="margin:0;font-family:sans-serif">
    <h1>My blog</h1>
    <script src="${BASE_URL}/embed.js" data-showreel="${a.user}" data-layout="grid" async></script>
    <p>Between the two embeds.</p>
    <script src="${BASE_URL}/embed.js" data-showreel="${b.user}" data-layout="list" data-theme="light" data-stats="1" async></script>
    <div style="height:3000px"></div>
    <p>Far below</p>
    <script src="${BASE_URL}/embed.js" data-showreel="${a.user}" data-layout="carousel" async></script>
  </body></html>`);
  try {
    const { page, tiktok } = await visitor(browser);
    await page.goto(site.url);

    // Each iframe stands right where its tag stands.
    const order = await page.evaluate(() =>
      [...document.body.children].map((e) => (e.tagName === 'IFRAME' ? `iframe:${(e as HTMLIFrameElement).title}` : e.tagName)),
    );
    expect(order.filter((x) => x !== 'SCRIPT')).toEqual([
      'H1',
      `iframe:Showreel: ${a.user}`,
      'P',
      `iframe:Showreel: ${b.user}`,
      'DIV',
      'P',
      `iframe:Showreel: ${a.user}`,
    ]);

    const frameA = page.frameLocator(`iframe[title="Showreel: ${a.user}"] >> nth=0`);
    const frameB = page.frameLocator(`iframe[title="Showreel: ${b.user}"]`);
    await expect(frameA.getByRole('button', { name: /^Play / })).toHaveText(titles(a.videos));
    await expect(frameB.getByRole('button', { name: /^Play / })).toHaveText(titles(b.videos));
    await expect(frameA.locator('.embed-items')).toHaveClass(/embed-grid/);
    await expect(frameB.locator('.embed-items')).toHaveClass(/embed-list/);
    await expect(frameB.locator('.embed')).toHaveAttribute('data-theme', 'light');
    await expect(frameB.locator('.embed-stats')).toHaveCount(b.videos.length);
    await expect(frameB.locator('.embed-stats').first()).toContainText(/▶ [\d.]+[KM]? views\s*♥ [\d.]+[KM]? likes/);
    await expect(frameA.locator('.embed-stats')).toHaveCount(0);

    // Sized to content: the iframe is as tall as the embed's document, which has nothing to scroll.
    for (const title of [`Showreel: ${a.user}`, `Showreel: ${b.user}`]) {
      const iframe = page.locator(`iframe[title="${title}"]`).first();
      await expect
        .poll(async () => {
          const frame = (await iframe.contentFrame()) ?? null;
          const inner = await iframe.evaluate((f: HTMLIFrameElement) => f.contentWindow && f.getBoundingClientRect().height);
          const content = frame && (await frame.locator('.embed').evaluate((e) => Math.ceil(e.getBoundingClientRect().height)));
          return inner !== null && content !== null && Math.abs(inner - content) <= 1 && inner !== 320;
        })
        .toBe(true);
      const frame = (await iframe.contentFrame())!;
      const scrolls = await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight + 1);
      expect(scrolls).toBe(false);
    }

    // The third embed is far below the fold: not loaded until the visitor scrolls near it.
    const lazy = page.locator(`iframe[title="Showreel: ${a.user}"]`).nth(1);
    expect(await lazy.getAttribute('src')).toBeNull();
    await page.getByText('Far below').scrollIntoViewIfNeeded();
    await expect(lazy).toHaveAttribute('src', new RegExp(`/embed/${a.user}\\?layout=carousel$`));
    await expect(page.frameLocator(`iframe[title="Showreel: ${a.user}"] >> nth=1`).locator('.embed-items')).toHaveClass(/embed-carousel/);

    expect(tiktok).toEqual([]);

    // A click opens TikTok's player inside the embed; Escape closes it and focus returns.
    const first = frameA.getByRole('button', { name: `Play ${a.videos[0].title}` });
    await first.click();
    const player = frameA.locator(`iframe[title="TikTok player: ${a.videos[0].title}"]`);
    await expect(player).toBeVisible();
    await expect(player).toHaveAttribute('src', new RegExp(`^https://www\\.tiktok\\.com/player/v1/${a.videos[0].id}\\?`));
    expect(tiktok.length).toBeGreaterThan(0);
    expect(tiktok.every((u) => u.startsWith(`https://www.tiktok.com/player/v1/${a.videos[0].id}`))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(player).toHaveCount(0);
    await expect(first).toBeFocused();

    // Keyboard alone: Tab to a video, Enter plays it, the Close button closes it.
    await frameB.getByRole('button', { name: `Play ${b.videos[1].title}` }).focus();
    await page.keyboard.press('Enter');
    await expect(frameB.getByRole('button', { name: 'Close player' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(frameB.getByRole('button', { name: `Play ${b.videos[1].title}` })).toBeFocused();
  } finally {
    site.server.close();
  }
});

test('another site may frame /embed/… but the browser refuses to frame /u/…', async ({ browser }) => {
  /** Frames one path of the app on a page of another origin; returns what the browser said about framing. */
  async function frame(path: string) {
    const site = await thirdPartySite(`<!doctype html><html><body><iframe id="f" src="${BASE_URL}${path}" width="400" height="600"></iframe></body></html>`);
    const { page } = await visitor(browser);
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refusals.push(m.text());
    });
    await page.goto(site.url);
    return { page, refusals, close: () => site.server.close() };
  }

  const embed = await frame(`/embed/${a.user}`);
  await expect(embed.page.frameLocator('#f').getByRole('button', { name: /^Play / })).toHaveCount(a.videos.length);
  expect(embed.refusals).toEqual([]);
  embed.close();

  const publicPage = await frame(`/u/${a.user}`);
  await expect.poll(() => publicPage.refusals.length).toBeGreaterThan(0);
  expect(publicPage.refusals[0]).toContain("frame-ancestors 'none'");
  await expect(publicPage.page.frameLocator('#f').getByRole('button', { name: /^Play / })).toHaveCount(0);
  publicPage.close();
});

test('embed options: unknown values fall back to the defaults; max, title and theme apply; unknown handle is a small 404 card', async ({
  request,
  page: browserPage,
}) => {
  const bogus = await request.get(`/embed/${a.user}?layout=spiral&theme=neon&max=999&stats=yes&title=maybe`);
  expect(bogus.status()).toBe(200);
  const html = await bogus.text();
  expect(html).toContain('embed-items embed-grid');
  expect(html).toContain('data-theme="auto"');
  expect(html.match(/class="embed-item"/g)).toHaveLength(a.videos.length);
  expect(html).toContain('class="embed-head"');
  expect(bogus.headers()['content-security-policy']).toContain('frame-ancestors *');

  const two = await (await request.get(`/embed/${a.user}?max=2&title=0&theme=dark`)).text();
  expect(two.match(/class="embed-item"/g)).toHaveLength(2);
  expect(two).not.toContain('class="embed-head"');
  expect(two).toContain('data-theme="dark"');

  const missing = await browserPage.goto('/embed/nobody-here-at-all');
  expect(missing!.status()).toBe(404);
  await expect(browserPage.getByRole('status')).toHaveText('This showcase is not available.');

  const page = await request.get(`/u/${a.user}`);
  expect(page.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('a save shows at once in every cached embed variant, the JSON API and oEmbed, with fresh counts', async ({ browser, request }) => {
  const page = await (await browser.newContext()).newPage();
  const c = await creatorWith(page, request, [0, 1]);
  const grid = `/embed/${c.user}`;
  const list = `/embed/${c.user}?layout=list&stats=1`;
  for (const path of [grid, list]) {
    await request.get(path);
    expect((await request.get(path)).headers()['x-nextjs-cache']).toBe('HIT');
  }
  await control(request, { action: 'setVideoStats', username: c.user, videoId: c.videos[1].id, views: 1234567, likes: 4321 });
  expect((await apiPut(page, '/api/showcase', { videoIds: [c.videos[1].id, c.videos[0].id] })).status()).toBe(200);
  for (const path of [grid, list]) {
    const html = await (await request.get(path)).text();
    expect(html.indexOf(c.videos[1].id)).toBeLessThan(html.indexOf(c.videos[0].id));
  }
  const listed = await (await request.get(list)).text();
  expect(listed).toMatch(/<data value="1234567">1\.2M<\/data><span class="visually-hidden"> <!-- -->views<\/span>/);
  expect(listed).toMatch(/<data value="4321">4\.3K<\/data><span class="visually-hidden"> <!-- -->likes<\/span>/);
  const json = await (await request.get(`/api/public/showcases/${c.user}?stats=1`)).json();
  expect(json.videos.map((v: { id: string }) => v.id)).toEqual([c.videos[1].id, c.videos[0].id]);
  expect(json.videos[0].stats).toEqual({ views: 1234567, likes: 4321 });
});

test('embed.js: plain script, under 3 kB gzipped, long-cached at its versioned URL', async ({ request, page }) => {
  const bare = await request.get('/embed.js');
  expect(bare.headers()['content-type']).toContain('javascript');
  const source = await bare.text();
  const gzipped = gzipSync(source).length;
  console.log(`embed.js: ${source.length} bytes, ${gzipped} bytes gzipped`);
  expect(gzipped).toBeLessThanOrEqual(3 * 1024);
  expect(bare.headers()['cache-control']).not.toContain('immutable');

  // The dashboard hands out the versioned URL.
  await signIn(page, a.user);
  const snippet = await page.getByLabel('Script for any website', { exact: true }).inputValue();
  const src = snippet.match(/src="([^"]+)"/)![1];
  expect(src).toMatch(new RegExp(`^${BASE_URL}/embed\\.js\\?v=[0-9a-f]{12}$`));
  const versioned = await request.get(src);
  expect(versioned.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(await versioned.text()).toBe(source);
});

test('the dashboard panel: the preview follows saves and the controls, snippets follow them too, Copy says Copied', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  // A save in the picker reloads the preview with the saved showcase.
  const fresh = await creatorWith(page, request, [0]);
  const extra = (await sandboxVideos(request, fresh.user))[1];
  await page.reload();
  await expect(page.frameLocator('iframe[title="Embed preview"]').getByRole('button', { name: /^Play / })).toHaveCount(1);
  await page.getByRole('checkbox', { name: extra.title }).check();
  await page.getByRole('button', { name: 'Save showcase' }).click();
  await expect(page.frameLocator('iframe[title="Embed preview"]').getByRole('button', { name: /^Play / })).toHaveText(titles([...fresh.videos, extra]));

  // Signed in as a.user instead (another OAuth flow from the same browser).
  await signIn(page, a.user, { start: '/api/auth/tiktok' });
  const panel = page.getByRole('region', { name: 'Share and embed' });
  await expect(panel.getByLabel('Public link', { exact: true })).toHaveValue(`${BASE_URL}/u/${a.user}`);
  const preview = panel.locator('iframe[title="Embed preview"]');
  await expect(page.frameLocator('iframe[title="Embed preview"]').getByRole('button', { name: /^Play / })).toHaveCount(a.videos.length);

  await panel.getByLabel('Layout').selectOption('carousel');
  await panel.getByLabel('Theme').selectOption('dark');
  // The field keeps what is typed and applies it (clamped to 1-50) when the creator leaves it.
  await panel.getByLabel('Videos shown (at most)').fill('2');
  await panel.getByLabel('Videos shown (at most)').press('Tab');
  await panel.getByLabel('Show view and like counts').check();
  await expect(preview).toHaveAttribute('src', `/embed/${a.user}?layout=carousel&theme=dark&max=2&stats=1`);
  await expect(page.frameLocator('iframe[title="Embed preview"]').getByRole('button', { name: /^Play / })).toHaveCount(2);
  await expect(page.frameLocator('iframe[title="Embed preview"]').locator('.embed-items')).toHaveClass(/embed-carousel/);

  await expect(panel.getByLabel('Script for any website', { exact: true })).toHaveValue(
    new RegExp(`data-showreel="${a.user}" data-layout="carousel" data-theme="dark" data-max="2" data-stats="1" async></script>$`),
  );
  await expect(panel.getByLabel('Iframe', { exact: true })).toHaveValue(
    new RegExp(`src="${BASE_URL}/embed/${a.user}\\?layout=carousel&theme=dark&max=2&stats=1"`),
  );
  await expect(panel.getByLabel('JSON API', { exact: true })).toHaveValue(`${BASE_URL}/api/public/showcases/${a.user}?stats=1`);

  await panel.getByRole('button', { name: 'Copy Script for any website' }).click();
  await expect(panel.getByRole('button', { name: 'Copy Script for any website' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await panel.getByLabel('Script for any website', { exact: true }).inputValue());
  await panel.getByRole('button', { name: 'Copy JSON API' }).click();
  await expect(panel.getByRole('button', { name: 'Copy JSON API' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${BASE_URL}/api/public/showcases/${a.user}?stats=1`);
});
