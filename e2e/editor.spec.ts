import { type CDPSession, expect, type Locator, type Page, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { apiPut, control, sandboxVideos, signIn, uniqueUser } from './support/helpers';

// The creator's editor: a page that is a draft until the creator publishes it, reordering by touch
// and by keyboard, unsaved changes that are not lost silently.

test.afterEach(async ({ request }) => {
  await control(request, { action: 'reset' });
});

/** Every public address of a creator's showcase, and the status each answers. */
async function publicStatuses(page: Page, user: string) {
  const page404 = await page.request.get(`/u/${user}`);
  const embed = await page.request.get(`/embed/${user}`);
  const json = await page.request.get(`/api/public/showcases/${user}`);
  const oembed = await page.request.get(`/api/oembed?url=${encodeURIComponent(`${BASE_URL}/u/${user}`)}`);
  const image = await page.request.get(`/u/${user}/share-image`);
  return { page: page404.status(), embed: embed.status(), json: json.status(), oembed: oembed.status(), image: image.status() };
}
const everywhere = (status: number) => ({ page: status, embed: status, json: status, oembed: status, image: status });

test('a new page is a draft until the first save publishes it; unpublish and publish again', async ({ page, request }) => {
  const user = uniqueUser('draft');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  await expect(page.getByText('Your page is a draft.')).toBeVisible();
  expect(await publicStatuses(page, user)).toEqual(everywhere(404));

  await page.getByRole('checkbox', { name: videos[0].title }).check();
  await page.getByRole('button', { name: 'Save showcase and publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showcase saved (1 video). Your page is live.' })).toBeVisible();
  const live = page.getByRole('region', { name: 'Your page is live.' });
  await expect(live).toBeVisible();
  await expect(live.getByRole('link', { name: 'View' })).toHaveAttribute('href', `${BASE_URL}/u/${user}`);
  await expect(live.getByRole('button', { name: 'Copy link' })).toBeVisible();
  expect(await publicStatuses(page, user)).toEqual(everywhere(200));
  // Later saves leave the switch alone: the button no longer says it publishes.
  await page.getByRole('checkbox', { name: videos[1].title }).check();
  await expect(page.getByRole('button', { name: 'Save showcase', exact: true })).toBeEnabled();

  await live.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByText('Your page is unpublished.')).toBeVisible();
  expect(await publicStatuses(page, user)).toEqual(everywhere(404));
  await page.getByRole('button', { name: 'Save showcase', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showcase saved (2 videos).' })).toBeVisible();
  expect((await page.request.get(`/u/${user}`)).status()).toBe(404);

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Your page is live.' })).toBeVisible();
  expect(await publicStatuses(page, user)).toEqual(everywhere(200));
});

test('refusals of the publish switch: no session, cross-site, not a boolean', async ({ page, request }) => {
  expect((await request.patch('/api/showcase', { data: { published: true }, headers: { Origin: BASE_URL } })).status()).toBe(401);
  await signIn(page, uniqueUser('switch'));
  const origin = new URL(page.url()).origin;
  expect((await page.request.patch('/api/showcase', { data: { published: true }, headers: { Origin: 'https://evil.example' } })).status()).toBe(403);
  const bad = await page.request.patch('/api/showcase', { data: { published: 'yes' }, headers: { Origin: origin } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe('bad_request');
});

/** A finger dragging `from`'s handle down onto `to`, as touch events (Chromium turns them into pointer events). */
async function touchDrag(cdp: CDPSession, from: Locator, to: Locator) {
  const h = (await from.getByRole('button', { name: /^Drag to reorder / }).boundingBox())!;
  const t = (await to.boundingBox())!;
  const x = h.x + h.width / 2;
  const point = (y: number) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(h.y + h.height / 2) });
  const endY = t.y + t.height * 0.8;
  for (let i = 1; i <= 12; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(h.y + h.height / 2 + ((endY - h.y - h.height / 2) * i) / 12) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('on a phone: the order opens as a sheet, rows reorder by touch, and the save keeps the order', async ({ browser, request }) => {
  const user = uniqueUser('touch');
  const videos = await sandboxVideos(request, user);
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await ctx.newPage();
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id, videos[1].id, videos[2].id] })).status()).toBe(200);
  await page.reload();
  await page.getByRole('button', { name: 'Order' }).click();
  const rows = page.getByRole('list', { name: 'Showcase order' }).getByRole('listitem');
  await expect(rows).toHaveCount(3);
  const cdp = await ctx.newCDPSession(page);
  await touchDrag(cdp, rows.filter({ hasText: videos[0].title }), rows.filter({ hasText: videos[1].title }));
  await expect(rows).toContainText([videos[1].title, videos[0].title, videos[2].title]);
  await expect(page.getByRole('status').filter({ hasText: 'You have unsaved changes.' })).toBeVisible();
  await page.getByRole('button', { name: 'Save showcase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Showcase saved (3 videos).' })).toBeVisible();
  const saved = await (await page.request.get('/api/showcase')).json();
  expect(saved.items.map((i: { videoId: string }) => i.videoId)).toEqual([videos[1].id, videos[0].id, videos[2].id]);
  await ctx.close();
});

test('rows reorder with the keyboard: Space on the handle, arrow keys, Space again', async ({ page, request }) => {
  const user = uniqueUser('keys');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[0].id, videos[1].id, videos[2].id] })).status()).toBe(200);
  await page.reload();
  const rows = page.getByRole('list', { name: 'Showcase order' }).getByRole('listitem');
  await page.getByRole('button', { name: `Drag to reorder ${videos[0].title}` }).focus();
  // dnd-kit's keyboard sensor: pick up, move two rows down, drop; each step is announced in words.
  const said = (text: string | RegExp) => expect(page.getByText(text)).toBeAttached();
  await page.keyboard.press('Space');
  // Picked up: dnd-kit says so, then at once where the row is (over its own place).
  await said(`${videos[0].title} is over place 1 of 3.`);
  await page.keyboard.press('ArrowDown');
  await said(`${videos[0].title} is over place 2 of 3.`);
  await page.keyboard.press('ArrowDown');
  await said(`${videos[0].title} is over place 3 of 3.`);
  await page.keyboard.press('Space');
  await said(`Dropped ${videos[0].title} at place 3 of 3.`);
  await expect(rows).toContainText([videos[1].title, videos[2].title, videos[0].title]);
});

test('unsaved picks are guarded: leaving asks first, and the page says so', async ({ page, request }) => {
  const user = uniqueUser('guard');
  const videos = await sandboxVideos(request, user);
  await signIn(page, user);
  await page.getByRole('checkbox', { name: videos[0].title }).check();
  await expect(page.getByRole('status').filter({ hasText: 'You have unsaved changes.' })).toBeVisible();
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
  await page.goto('/').catch(() => undefined);
  expect(await asked).toBe('beforeunload');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('checkbox', { name: videos[0].title })).toBeChecked();
});
