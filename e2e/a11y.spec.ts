import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { fakeTikTokPlayer, publishedCreator, type SandboxVideo } from './support/helpers';
import { SIZES } from './support/layout';

// axe-core on every page a person meets, signed in and out, player closed and open, at both sizes:
// no violation of a WCAG 2.0-2.2 A or AA rule. TikTok's own player frame (a stand-in here) is not ours
// to check and is left out.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).exclude('iframe[title^="TikTok player"]').analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

let creator: { user: string; videos: SandboxVideo[] };

test.beforeAll(async ({ browser }) => {
  creator = await publishedCreator(browser, 'axe', 4, 'test-results/axe-creator.json');
});

async function open(browser: Browser, size: (typeof SIZES)[number], signedIn = false) {
  const ctx = await browser.newContext({ viewport: size, ...(signedIn ? { storageState: 'test-results/axe-creator.json' } : {}) });
  const page = await ctx.newPage();
  await fakeTikTokPlayer(page);
  return page;
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test('signed out: landing, QR sign-in, a 404, an unknown showcase', async ({ browser }) => {
      const page = await open(browser, size);
      for (const path of ['/', '/login/qr', '/no-such-page', '/u/nobody-at-all']) {
        await page.goto(path);
        // Not networkidle: the QR page keeps polling. Its heading says the page has rendered.
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await violations(page), path).toEqual([]);
      }
    });

    test('signed in: the dashboard, its order sheet and its account dialog', async ({ browser }) => {
      const page = await open(browser, size, true);
      await page.goto('/dashboard');
      await expect(page.getByRole('list', { name: 'Recent videos' })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
      if (size.name === 'phone') {
        await page.getByRole('button', { name: 'Order' }).click();
        expect(await violations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Hide order' }).click();
      }
      await page.getByRole('button', { name: 'Delete my data' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete all your Showreel data?' })).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the public page, player closed and open', async ({ browser }) => {
      const page = await open(browser, size);
      await page.goto(`/u/${creator.user}`);
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
      await page
        .getByRole('button', { name: /^Play / })
        .first()
        .click();
      await expect(page.getByRole('dialog').locator('iframe')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });

    test('the embed in each layout, player closed and open, and /watch', async ({ browser }) => {
      const page = await open(browser, size);
      for (const query of ['', '?layout=carousel&theme=light', '?layout=list&stats=1&theme=dark']) {
        await page.goto(`/embed/${creator.user}${query}`);
        await page.waitForLoadState('networkidle');
        expect(await violations(page), query).toEqual([]);
        await page
          .getByRole('button', { name: /^Play / })
          .first()
          .click();
        await expect(page.locator('iframe')).toBeVisible();
        expect(await violations(page), `${query} playing`).toEqual([]);
      }
      await page.goto(`/watch/${creator.videos[0].id}`);
      await expect(page.locator('iframe')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.goto('/watch/not-a-video');
      expect(await violations(page)).toEqual([]);
    });
  });
}
