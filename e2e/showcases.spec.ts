import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { CRON_SECRET } from '../playwright.config';
import { apiPut, control, type SandboxVideo, sandboxVideos, signIn, uniqueUser } from './support/helpers';

// Several showcases per creator, kept fresh by rules (issue 19): the JSON API, the public pages,
// embeds and JSON of each, a new TikTok video arriving through the sync, and every refusal.

const origin = (page: Page) => ({ Origin: new URL(page.url()).origin });
const api = (page: Page) => ({
  get: (path: string) => page.request.get(path),
  post: (path: string, data?: unknown) => page.request.post(path, { data, headers: origin(page) }),
  patch: (path: string, data: unknown) => page.request.patch(path, { data, headers: origin(page) }),
  put: (path: string, data: unknown) => page.request.put(path, { data, headers: origin(page) }),
  delete: (path: string) => page.request.delete(path, { headers: origin(page) }),
});

type Showcase = { id: string; slug: string; title: string; published: boolean; isDefault: boolean; publicUrl: string };

async function creator(page: Page, prefix: string) {
  const user = uniqueUser(prefix);
  const videos = await sandboxVideos(page.request, user);
  await signIn(page, user);
  await expect(page).toHaveURL(/\/dashboard$/);
  return { user, videos };
}

async function create(page: Page, body: Record<string, unknown>): Promise<Showcase> {
  const res = await api(page).post('/api/showcases', body);
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).showcase;
}

const sync = async (request: APIRequestContext) =>
  expect((await request.get('/api/cron/sync?all=1', { headers: { Authorization: `Bearer ${CRON_SECRET}` } })).status()).toBe(200);

/** The video ids a public JSON answer lists, in order. */
async function jsonIds(request: APIRequestContext, path: string): Promise<string[]> {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()).videos.map((v: { id: string }) => v.id);
}

/** The titles a public page or embed shows, in order (each Play button is named by its title first). */
async function pageTitles(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const buttons = page.locator('ul[aria-label] li button');
  await expect(buttons.first()).toBeVisible();
  return (await buttons.allInnerTexts()).map((t) => t.split('\n').find((l) => l.includes('#')) ?? t);
}

const titleOf = (videos: SandboxVideo[], id: string) => videos.find((v) => v.id === id)?.title;

test('a latest and a hashtag showcase follow a new TikTok video after a sync; the manual default stays', async ({ page, browser }) => {
  const { user, videos } = await creator(page, 'rules');
  // The default: the creator's own picks (the 4th and 5th newest), published by the first save.
  expect((await apiPut(page, '/api/showcase', { videoIds: [videos[3].id, videos[4].id] })).status()).toBe(200);
  const latest = await create(page, { title: 'Newest five', rule: { kind: 'latest', count: 5 }, published: true });
  const food = await create(page, { title: 'Food', rule: { kind: 'hashtag', count: 10, tag: '#Food' }, published: true });
  const travel = await create(page, { title: 'Travel', rule: { kind: 'hashtag', count: 10, tag: 'travel' }, published: true });
  expect([latest.slug, food.slug, travel.slug]).toEqual(['newest-five', 'food', 'travel']);
  expect(latest.publicUrl).toMatch(new RegExp(`/u/${user}/newest-five$`));

  const five = videos.slice(0, 5).map((v) => v.id);
  expect(await jsonIds(page.request, `/api/public/showcases/${user}/newest-five`)).toEqual(five);
  const foodBefore = await jsonIds(page.request, `/api/public/showcases/${user}/food`);
  expect(foodBefore.length).toBeGreaterThan(0);
  const travelBefore = await jsonIds(page.request, `/api/public/showcases/${user}/travel`);

  // A visitor's view of each, cached now, before anything changes.
  const visitor = await (await browser.newContext()).newPage();
  expect(await pageTitles(visitor, `/u/${user}/newest-five`)).toEqual(videos.slice(0, 5).map((v) => v.title));
  expect(await pageTitles(visitor, `/embed/${user}?showcase=newest-five`)).toEqual(videos.slice(0, 5).map((v) => v.title));
  // The embed's footer leads to the page of the showcase it shows.
  await expect(visitor.getByRole('link', { name: 'Showreel' })).toHaveAttribute('href', `/u/${user}/newest-five`);
  const defaultBefore = await pageTitles(visitor, `/u/${user}`);
  expect(defaultBefore).toEqual([videos[3].title, videos[4].title]);

  // The creator posts on TikTok; nobody touches Showreel; the scheduled sync runs.
  const { video } = await control(page.request, {
    action: 'publishVideo',
    username: user,
    title: 'Brand new pasta #food',
    description: 'Brand new pasta #food',
  });
  await sync(page.request);

  const after = [video.id, ...five.slice(0, 4)];
  expect(await jsonIds(page.request, `/api/public/showcases/${user}/newest-five`)).toEqual(after);
  expect(await pageTitles(visitor, `/u/${user}/newest-five`)).toEqual(['Brand new pasta #food', ...videos.slice(0, 4).map((v) => v.title)]);
  expect(await pageTitles(visitor, `/embed/${user}?showcase=newest-five`)).toEqual(['Brand new pasta #food', ...videos.slice(0, 4).map((v) => v.title)]);
  // Tagged #food: first on the food showcase; not on the travel one.
  expect(await jsonIds(page.request, `/api/public/showcases/${user}/food`)).toEqual([video.id, ...foodBefore].slice(0, 10));
  expect(await jsonIds(page.request, `/api/public/showcases/${user}/travel`)).toEqual(travelBefore);
  // The manual default is the creator's: unchanged.
  expect(await pageTitles(visitor, `/u/${user}`)).toEqual(defaultBefore);
  expect(await jsonIds(page.request, `/api/public/showcases/${user}`)).toEqual([videos[3].id, videos[4].id]);

  // The default page links the creator's other published showcases.
  await visitor.goto(`/u/${user}`);
  const more = visitor.getByRole('navigation', { name: /More from/ });
  await expect(more.getByRole('link')).toHaveText(['Newest five', 'Food', 'Travel']);
  // oEmbed answers for a named showcase's URL with its own embed.
  const oembed = await page.request.get(`/api/oembed?url=${encodeURIComponent(new URL(`/u/${user}/food`, page.url()).href)}`);
  expect(oembed.status()).toBe(200);
  expect((await oembed.json()).html).toContain(`showcase=food`);
  await visitor.context().close();
});

test('top orders by views, pinned videos come first, and a private or deleted video drops out', async ({ page }) => {
  const { user, videos } = await creator(page, 'top');
  // The six newest get these counts; every older one fewer than any of them.
  const views = [50, 900, 10, 400, 700, 20];
  for (const [i, v] of videos.entries())
    await control(page.request, { action: 'setVideoStats', username: user, videoId: v.id, views: views[i] ?? 1, likes: 1 });
  const top = await create(page, { title: 'Most viewed', rule: { kind: 'top', count: 3, by: 'views' }, published: true });
  const ids = async () => (await (await api(page).get(`/api/showcases/${top.id}`)).json()).items.map((i: { videoId: string }) => i.videoId);
  expect(await ids()).toEqual([videos[1].id, videos[4].id, videos[3].id]);

  // Pinned first, in the creator's order, then the rule's picks without them.
  const pin = await api(page).put(`/api/showcases/${top.id}/items`, {
    items: [{ videoId: videos[5].id }, { videoId: videos[4].id, link: { url: 'https://example.com/shop', label: 'Shop it' } }],
  });
  expect(pin.status(), await pin.text()).toBe(200);
  const pinned = (await pin.json()).items;
  expect(pinned.map((i: { videoId: string; pinned: boolean }) => [i.videoId, i.pinned])).toEqual([
    [videos[5].id, true],
    [videos[4].id, true],
    [videos[1].id, false],
    [videos[3].id, false],
    [videos[0].id, false],
  ]);
  const json = await (await page.request.get(`/api/public/showcases/${user}/most-viewed`)).json();
  expect(json.videos[1].link).toEqual({ url: 'https://example.com/shop', label: 'Shop it' });
  expect(json.videos[0].aiGenerated).toBe(false);

  // Made private and deleted on TikTok: gone from the showcase after the next sync, the next pick moves up.
  await control(page.request, { action: 'setVideoState', username: user, videoId: videos[1].id, state: 'private' });
  await control(page.request, { action: 'setVideoState', username: user, videoId: videos[5].id, state: 'deleted' });
  await sync(page.request);
  expect(await jsonIds(page.request, `/api/public/showcases/${user}/most-viewed`)).toEqual([videos[4].id, videos[3].id, videos[0].id, videos[2].id]);
});

test('an AI-generated video is labelled on the page and may be left out by a rule', async ({ page }) => {
  const { user, videos } = await creator(page, 'aigc');
  await control(page.request, { action: 'setVideoAigc', username: user, videoId: videos[0].id, aiGenerated: true });
  await create(page, { title: 'All new', rule: { kind: 'latest', count: 2 }, published: true });
  await create(page, { title: 'Human made', rule: { kind: 'latest', count: 2, excludeAiGenerated: true }, published: true });
  const all = await (await page.request.get(`/api/public/showcases/${user}/all-new`)).json();
  expect(all.videos.map((v: { id: string; aiGenerated: boolean }) => [v.id, v.aiGenerated])).toEqual([
    [videos[0].id, true],
    [videos[1].id, false],
  ]);
  expect(await jsonIds(page.request, `/api/public/showcases/${user}/human-made`)).toEqual([videos[1].id, videos[2].id]);
  await page.goto(`/u/${user}/all-new`);
  await expect(page.getByRole('button', { name: new RegExp(videos[0].title.replace('#', '\\#')) })).toContainText('AI-generated');
  await expect(page.getByText('AI-generated')).toHaveCount(1);
});

test('every refusal of the showcases API says why, and nothing is lost', async ({ page, browser }) => {
  const { user, videos } = await creator(page, 'refuse');
  const a = api(page);
  const first = await create(page, { title: 'Picks', slug: 'picks', published: true });
  expect((await a.put(`/api/showcases/${first.id}/items`, { items: [{ videoId: videos[0].id }] })).status()).toBe(200);
  const before = await jsonIds(page.request, `/api/public/showcases/${user}/picks`);

  const refused = async (res: Awaited<ReturnType<typeof a.post>>, status: number, message: RegExp) => {
    expect(res.status(), await res.text()).toBe(status);
    const body = await res.json();
    expect(body.error.message).toMatch(message);
    expect(body.error.code).toBeTruthy();
  };
  // A taken slug, a reserved one, a malformed one.
  await refused(await a.post('/api/showcases', { title: 'Again', slug: 'picks' }), 409, /slug/);
  await refused(await a.patch(`/api/showcases/${first.id}`, { slug: 'share-image' }), 400, /slug: is a reserved word/);
  await refused(await a.post('/api/showcases', { title: 'Bad', slug: '-bad-' }), 400, /slug/);
  // A bad rule, count or tag, naming the field.
  await refused(await a.post('/api/showcases', { title: 'X', rule: { kind: 'random' } }), 400, /rule/);
  await refused(await a.post('/api/showcases', { title: 'X', rule: { kind: 'latest', count: 51 } }), 400, /rule\.count/);
  await refused(await a.post('/api/showcases', { title: 'X', rule: { kind: 'hashtag', count: 5, tag: 'two words' } }), 400, /rule\.tag/);
  await refused(await a.post('/api/showcases', { title: '' }), 400, /title/);
  // A link that is not https, or too long; a label too long.
  await refused(
    await a.put(`/api/showcases/${first.id}/items`, { items: [{ videoId: videos[1].id, link: { url: 'javascript:alert(1)' } }] }),
    400,
    /items\.0\.link\.url: must be an https/,
  );
  await refused(await a.put(`/api/showcases/${first.id}/items`, { items: [{ videoId: videos[1].id, link: { url: 'http://example.com' } }] }), 400, /link\.url/);
  await refused(
    await a.put(`/api/showcases/${first.id}/items`, { items: [{ videoId: videos[1].id, link: { url: `https://example.com/${'a'.repeat(2048)}` } }] }),
    400,
    /link\.url/,
  );
  await refused(
    await a.put(`/api/showcases/${first.id}/items`, { items: [{ videoId: videos[1].id, link: { url: 'https://example.com', label: 'x'.repeat(41) } }] }),
    400,
    /link\.label/,
  );
  // A video that is not the creator's: nothing written.
  await refused(await a.put(`/api/showcases/${first.id}/items`, { items: [{ videoId: videos[1].id }, { videoId: '7000000000000000001' }] }), 400, /not yours/);
  // The default cannot be deleted.
  const { showcases } = await (await a.get('/api/showcases')).json();
  const main = showcases.find((s: Showcase) => s.isDefault);
  await refused(await a.delete(`/api/showcases/${main.id}`), 409, /default/);
  // Another creator's showcase is not there at all.
  const other = await (await browser.newContext()).newPage();
  await creator(other, 'other');
  const o = api(other);
  await refused(await o.get(`/api/showcases/${first.id}`), 404, /No such showcase/);
  await refused(await o.patch(`/api/showcases/${first.id}`, { title: 'Mine now' }), 404, /No such showcase/);
  await refused(await o.put(`/api/showcases/${first.id}/items`, { items: [] }), 404, /No such showcase/);
  await refused(await o.delete(`/api/showcases/${first.id}`), 404, /No such showcase/);
  await other.context().close();

  // Nothing of the refused changes landed.
  expect(await jsonIds(page.request, `/api/public/showcases/${user}/picks`)).toEqual(before);
  expect((await (await a.get(`/api/showcases/${first.id}`)).json()).showcase).toMatchObject({ slug: 'picks', title: 'Picks' });
  expect((await (await a.get('/api/showcases')).json()).showcases.map((s: Showcase) => s.slug)).toEqual(['featured', 'picks']);

  // Refresh now: once a minute.
  expect((await a.post('/api/showcases/refresh')).status()).toBe(200);
  await refused(await a.post('/api/showcases/refresh'), 429, /Too many refreshes/);
  // Unpublished: every public surface of it answers 404 at once; the default and the others stay.
  expect((await a.patch(`/api/showcases/${first.id}`, { published: false })).status()).toBe(200);
  expect((await page.request.get(`/api/public/showcases/${user}/picks`)).status()).toBe(404);
  expect((await page.request.get(`/u/${user}/picks`)).status()).toBe(404);
  // Deleted: gone.
  expect((await a.delete(`/api/showcases/${first.id}`)).status()).toBe(204);
  expect((await a.get(`/api/showcases/${first.id}`)).status()).toBe(404);
});

test('a creator has at most 20 showcases; the 21st is refused in words', async ({ page }) => {
  await creator(page, 'limit');
  // The default is the first.
  for (let i = 1; i < 20; i++) await create(page, { title: `Showcase ${i}` });
  const res = await api(page).post('/api/showcases', { title: 'One too many' });
  expect(res.status()).toBe(409);
  expect((await res.json()).error.message).toBe('You have 20 showcases, the most there can be: delete one to make another.');
  expect((await (await api(page).get('/api/showcases')).json()).showcases).toHaveLength(20);
});

test('a change to one showcase drops its cached pages and leaves another one a cache hit', async ({ page }) => {
  const { user, videos } = await creator(page, 'cache');
  const one = await create(page, { title: 'One', published: true });
  const two = await create(page, { title: 'Two', published: true });
  for (const [s, i] of [
    [one, 0],
    [two, 1],
  ] as const)
    expect((await api(page).put(`/api/showcases/${s.id}/items`, { items: [{ videoId: videos[i].id }] })).status()).toBe(200);
  const paths = [`/u/${user}/one`, `/u/${user}/two`, `/embed/${user}?showcase=two`];
  for (const path of paths) {
    await page.request.get(path);
    expect((await page.request.get(path)).headers()['x-nextjs-cache'], path).toBe('HIT');
  }
  expect((await api(page).put(`/api/showcases/${one.id}/items`, { items: [{ videoId: videos[2].id }] })).status()).toBe(200);
  // Two's page and embed were not dropped: still the cached answers.
  expect((await page.request.get(`/u/${user}/two`)).headers()['x-nextjs-cache']).toBe('HIT');
  expect((await page.request.get(`/embed/${user}?showcase=two`)).headers()['x-nextjs-cache']).toBe('HIT');
  // One shows the change at once.
  const onePage = await page.request.get(`/u/${user}/one`);
  expect(onePage.headers()['x-nextjs-cache']).not.toBe('HIT');
  expect(await onePage.text()).toContain(titleOf(videos, videos[2].id)?.replace('#', '#'));
});
