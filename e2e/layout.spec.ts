import { type Browser, expect, type Page, test } from '@playwright/test';
import { control, fakeTikTokPlayer, publishedCreator, type SandboxVideo } from './support/helpers';
import { expectCoversAtTheirShape, expectSoundLayout, imagesSettled, SCREENSHOTS, SIZES, wideElements } from './support/layout';

// What a creator and a visitor see, measured at a phone's and a laptop's size: covers at 9:16, nothing
// wider than the screen, every target at least 44 px, Save in reach on a phone, nothing of a list
// behind an open player. Each page is also written to screenshots/ for anyone to look at.

let creator: { user: string; videos: SandboxVideo[] };

test.beforeAll(async ({ browser }) => {
  creator = await publishedCreator(browser, 'look', 6, 'test-results/look-creator.json');
});

test.afterEach(async ({ request }) => {
  await control(request, { action: 'clearFaults' });
});

async function open(browser: Browser, size: (typeof SIZES)[number], signedIn = false): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    hasTouch: size.name === 'phone',
    isMobile: size.name === 'phone',
    ...(signedIn ? { storageState: 'test-results/look-creator.json' } : {}),
  });
  const page = await ctx.newPage();
  await fakeTikTokPlayer(page);
  return page;
}

const shot = (page: Page, name: string, size: (typeof SIZES)[number]) =>
  page.screenshot({ path: `${SCREENSHOTS}/${name}-${size.width}x${size.height}.png`, fullPage: true });

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test('the landing page', async ({ browser }) => {
      const page = await open(browser, size);
      await page.goto('/');
      await expectSoundLayout(page);
      await shot(page, 'landing', size);
    });

    test('the dashboard: covers at 9:16, Save always in reach', async ({ browser }) => {
      const page = await open(browser, size, true);
      await page.goto('/dashboard');
      await expect(page.getByRole('list', { name: 'Recent videos' }).getByRole('checkbox')).toHaveCount(20);
      await imagesSettled(page);
      await expectCoversAtTheirShape(page);
      await expectSoundLayout(page);
      const save = page.getByRole('button', { name: /^Save showcase/ });
      const box = await save.boundingBox();
      expect(box).not.toBeNull();
      // On a phone the panel is a bar fixed to the bottom of the screen: Save is in the first screenful.
      if (size.name === 'phone') expect(box!.y + box!.height).toBeLessThanOrEqual(size.height);
      await page.mouse.wheel(0, 3000);
      if (size.name === 'phone') {
        const after = await save.boundingBox();
        expect(after!.y + after!.height).toBeLessThanOrEqual(size.height);
        await page.getByRole('button', { name: 'Order' }).click();
        await expect(page.getByRole('list', { name: 'Showcase order' }).getByRole('listitem')).toHaveCount(6);
        await expectCoversAtTheirShape(page);
        await expectSoundLayout(page);
        await page.screenshot({ path: `${SCREENSHOTS}/dashboard-order-sheet-${size.width}x${size.height}.png` });
        await page.getByRole('button', { name: 'Hide order' }).click();
      }
      // Back to the top, so the full-page picture shows the panel where a person first sees it.
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, 'dashboard', size);
    });

    test('the public page, with the player closed and open', async ({ browser }) => {
      const page = await open(browser, size);
      await page.goto(`/u/${creator.user}`);
      await expect(page.getByRole('button', { name: /^Play / })).toHaveCount(6);
      await imagesSettled(page);
      await expectCoversAtTheirShape(page);
      await expectSoundLayout(page);
      await shot(page, 'public-page', size);
      await page
        .getByRole('button', { name: /^Play / })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.locator('iframe')).toBeVisible();
      await expectSoundLayout(page);
      await page.screenshot({ path: `${SCREENSHOTS}/public-page-player-${size.width}x${size.height}.png` });
    });

    for (const layout of ['grid', 'carousel', 'list'] as const) {
      test(`the embed, ${layout} layout: covers at 9:16, nothing of the list behind the player`, async ({ browser }) => {
        const page = await open(browser, size);
        await page.goto(`/embed/${creator.user}?layout=${layout}&stats=1`);
        await expect(page.getByRole('button', { name: /^Play / })).toHaveCount(6);
        await imagesSettled(page);
        await expectCoversAtTheirShape(page);
        await expectSoundLayout(page);
        if (layout === 'list') {
          // A row: a fixed-width cover with the text beside it, not a strip of cover with words stacked under it.
          const row = await page.locator('.embed-list .embed-item').first().boundingBox();
          const cover = await page.locator('.embed-list .embed-cover').first().boundingBox();
          const title = await page.locator('.embed-list .embed-title').first().boundingBox();
          expect(cover!.width).toBeLessThan(row!.width / 3);
          expect(title!.x).toBeGreaterThan(cover!.x + cover!.width);
          expect(row!.height).toBeLessThan(200);
        }
        await shot(page, `embed-${layout}`, size);
        await page
          .getByRole('button', { name: /^Play / })
          .first()
          .click();
        await expect(page.locator('iframe')).toBeVisible();
        await expect(page.getByRole('list')).toBeHidden();
        const player = await page.locator('.embed-player').boundingBox();
        for (const item of await page.locator('.embed-item').all()) {
          const b = await item.boundingBox();
          // Hidden items have no box; a box that exists must not sit under the player.
          if (b && player) expect(b.y >= player.y + player.height || b.y + b.height <= player.y).toBe(true);
        }
        await expectSoundLayout(page);
        await page.screenshot({ path: `${SCREENSHOTS}/embed-${layout}-player-${size.width}x${size.height}.png` });
      });
    }

    test('the /watch page', async ({ browser }) => {
      const page = await open(browser, size);
      await page.goto(`/watch/${creator.videos[0].id}`);
      await expect(page.locator('iframe')).toBeVisible();
      await expectSoundLayout(page);
      await shot(page, 'watch', size);
    });
  });
}

test('no horizontal overflow at 320 px on any page', async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 320, height: 640 }, storageState: 'test-results/look-creator.json' });
  const page = await ctx.newPage();
  await fakeTikTokPlayer(page);
  for (const path of [
    '/',
    '/dashboard',
    `/u/${creator.user}`,
    `/embed/${creator.user}?layout=list&stats=1`,
    `/embed/${creator.user}`,
    `/watch/${creator.videos[0].id}`,
    '/u/nobody-at-all',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await wideElements(page), path).toEqual([]);
  }
});
