import { expect, type Page, test } from '@playwright/test';
import { control, publishedCreator, type SandboxVideo } from './support/helpers';

// When TikTok's player cannot load (a blocked network, a school filter, a removed video), visitors
// read what happened and get a link to the video on TikTok, on every player surface.

let creator: { user: string; videos: SandboxVideo[] };

test.beforeAll(async ({ browser }) => {
  creator = await publishedCreator(browser, 'blocked', 1);
});

test.afterAll(async ({ request }) => {
  await control(request, { action: 'reset' });
});

/** A browser in which every request to TikTok fails, as behind a filter. */
async function blocked(page: Page) {
  await page.context().route(/^https:\/\/([a-z0-9-]+\.)*tiktok\.com\//, (route) => route.abort('blockedbyclient'));
}

async function expectFallback(page: Page, scope = page.locator('body')) {
  const alert = scope.getByRole('alert').filter({ hasText: "TikTok's player could not load" });
  // The player is given 8 seconds to say it is ready.
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert.getByRole('link', { name: 'Watch on TikTok' })).toHaveAttribute(
    'href',
    new RegExp(`^https://www\\.tiktok\\.com/@${creator.user}/video/${creator.videos[0].id}`),
  );
  await expect(scope.locator('iframe')).toHaveCount(0);
}

test('public page: the dialog says so and links to TikTok; "Open in TikTok" is always in its header', async ({ page }) => {
  await blocked(page);
  await page.goto(`/u/${creator.user}`);
  await page.getByRole('button', { name: /^Play / }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('link', { name: 'Open in TikTok' })).toHaveAttribute('href', /^https:\/\/www\.tiktok\.com\//);
  await expectFallback(page, dialog);
});

test('embed: the same, inside the embed', async ({ page }) => {
  await blocked(page);
  await page.goto(`/embed/${creator.user}`);
  await page.getByRole('button', { name: /^Play / }).click();
  await expect(page.getByRole('link', { name: 'Open in TikTok' })).toBeVisible();
  await expectFallback(page);
});

test('/watch: the same, full screen', async ({ page }) => {
  await blocked(page);
  await page.goto(`/watch/${creator.videos[0].id}`);
  await expectFallback(page);
});
