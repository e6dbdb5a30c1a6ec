import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { publishedCreator, type SandboxVideo } from './support/helpers';
import { expectSoundLayout, imagesSettled, SCREENSHOTS, SIZES } from './support/layout';

// A creator's showcases on the dashboard, at a phone's and a laptop's size: the list, a new showcase
// with a rule and its live preview, pins and a call-to-action link, its own Share panel, publishing
// and deleting behind a confirmation. Layout measured, axe run, screenshots written.

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const violations = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(WCAG).exclude('iframe[title="Embed preview"]').analyze()).violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );

async function open(browser: Browser, size: (typeof SIZES)[number], storage: string): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    hasTouch: size.name === 'phone',
    isMobile: size.name === 'phone',
    storageState: storage,
  });
  return ctx.newPage();
}

const shot = (page: Page, name: string, size: (typeof SIZES)[number]) =>
  page.screenshot({ path: `${SCREENSHOTS}/${name}-${size.width}x${size.height}.png`, fullPage: true });

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}: make a rule showcase, preview it, pin, link, publish, delete`, async ({ browser }) => {
    const storage = `test-results/showcases-${size.name}.json`;
    const { user, videos } = await publishedCreator(browser, `ui-${size.name}`, 2, storage);
    const page = await open(browser, size, storage);
    const title = (v: SandboxVideo) => v.title;

    await page.goto('/dashboard');
    const list = page.getByRole('region', { name: 'Showcases' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(list).toContainText('Featured videos');
    await expectSoundLayout(page);
    expect(await violations(page)).toEqual([]);

    // A new showcase of the newest videos; the editor opens.
    await list.getByLabel('New showcase title').fill('Fresh picks');
    await list.getByLabel('Starts with').selectOption('latest');
    await list.getByRole('button', { name: 'Create showcase' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Fresh picks' })).toBeVisible();
    await expect(page.getByText('This showcase is not published.')).toBeVisible();

    // The live preview follows the rule as it is typed: three newest.
    await page.getByLabel('How many (1 to 50)').fill('3');
    const preview = page.getByRole('region', { name: 'Right now this rule picks' });
    await expect(preview.getByRole('listitem')).toHaveText(videos.slice(0, 3).map(title));
    // A count out of range is said in words, not sent.
    await page.getByLabel('How many (1 to 50)').fill('60');
    await expect(preview).toContainText('count: must be at most 50.');
    await page.getByLabel('How many (1 to 50)').fill('3');
    await expect(preview.getByRole('listitem')).toHaveCount(3);
    await page.getByRole('button', { name: 'Save rule' }).click();
    await expect(page.getByText('Rule saved: Your 3 newest videos.')).toBeVisible();

    // Pin the third pick, give it a link, save: it comes first, the rule fills in after it.
    await page.getByRole('button', { name: `Pin ${videos[2].title}` }).click();
    await page.getByRole('button', { name: `Add link for ${videos[2].title}` }).click();
    await page.getByLabel('Link (https)').fill('http://shop.example/hat');
    await page.getByRole('button', { name: 'Save videos' }).click();
    await expect(page.getByText(/link url: must be an https:\/\/ URL/)).toBeVisible();
    await page.getByLabel('Link (https)').fill('https://shop.example/hat');
    await page.getByLabel('Button words').fill('Get the hat');
    await page.getByRole('button', { name: 'Save videos' }).click();
    await expect(page.getByText('Videos saved.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Pinned videos' }).getByRole('listitem')).toHaveText([new RegExp(videos[2].title.replace('#', '\\#'))]);
    await expect(page.getByRole('list', { name: 'Picked by the rule now' }).getByRole('listitem')).toHaveCount(3);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByText('This showcase is live.')).toBeVisible();
    // Its own Share panel names it.
    await expect(page.getByRole('textbox', { name: 'Public link' })).toHaveValue(new RegExp(`/u/${user}/fresh-picks$`));
    await expect(page.getByRole('textbox', { name: 'Script for any website' })).toHaveValue(/data-showcase="fresh-picks"/);
    await imagesSettled(page);
    await expectSoundLayout(page);
    expect(await violations(page)).toEqual([]);
    await shot(page, 'showcase-editor', size);

    // A visitor: the pinned video first with its link, then the rule's picks.
    const visitor = await (await browser.newContext({ viewport: { width: size.width, height: size.height } })).newPage();
    await visitor.goto(`/u/${user}/fresh-picks`);
    const cards = visitor.getByRole('list', { name: 'Showcase videos' }).getByRole('listitem');
    await expect(cards).toHaveCount(4);
    await expect(cards.first()).toContainText(videos[2].title);
    const cta = cards.first().getByRole('link', { name: /Get the hat/ });
    await expect(cta).toHaveAttribute('href', 'https://shop.example/hat');
    await expect(cta).toHaveAttribute('rel', 'nofollow ugc noopener');
    await expect(cta).toHaveAttribute('target', '_blank');
    await expect(visitor.getByRole('navigation', { name: /More from/ }).getByRole('link', { name: 'Featured videos' })).toBeVisible();
    await imagesSettled(visitor);
    await expectSoundLayout(visitor);
    expect(await violations(visitor)).toEqual([]);
    await shot(visitor, 'showcase-public', size);
    await visitor.context().close();

    // Back on the list: two showcases, the new one live; delete it behind a confirmation naming it.
    await page.getByRole('link', { name: '← All showcases' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list.getByRole('listitem').nth(1)).toContainText('Live');
    await imagesSettled(page);
    await shot(page, 'dashboard-showcases', size);
    await list.getByRole('link', { name: 'Edit Fresh picks' }).click();
    await page.getByRole('button', { name: 'Delete showcase' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Fresh picks”?' });
    await expect(dialog).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete it' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(list.getByRole('listitem')).toHaveCount(1);
    expect((await page.request.get(`/u/${user}/fresh-picks`)).status()).toBe(404);
    await page.context().close();
  });
}
