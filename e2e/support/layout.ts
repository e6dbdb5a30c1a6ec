import { expect, type Page } from '@playwright/test';

// Measurements of what a person sees, taken from the real browser's boxes (not pixel snapshots).

export const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** Where the suite writes its screenshots (docs/testing.md and the README name it). */
export const SCREENSHOTS = 'screenshots';

/** Waits until every image on the page has loaded (or failed), so covers have their real boxes. */
export async function imagesSettled(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.images]
          .filter((i) => {
            const r = i.getBoundingClientRect();
            return r.width > 0 && (i.loading !== 'lazy' || r.top < innerHeight);
          })
          .every((i) => i.complete),
      ),
    )
    .toBe(true);
}

/** Every visible cover's rendered width/height, against 9:16 (the covers' intrinsic shape). */
export async function coverShapes(page: Page, selector = 'img.cover, img.embed-cover, img.order-thumb') {
  return page.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLImageElement>(sel)]
      .map((img) => img.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ width: Math.round(r.width), height: Math.round(r.height), ratio: r.width / r.height }));
  }, selector);
}

export async function expectCoversAtTheirShape(page: Page) {
  const shapes = await coverShapes(page);
  expect(shapes.length).toBeGreaterThan(0);
  for (const s of shapes) expect(Math.abs(s.ratio / (9 / 16) - 1), `cover ${s.width}×${s.height}`).toBeLessThanOrEqual(0.02);
}

/**
 * Elements that stick out of the viewport sideways, except inside a container that scrolls or
 * clips them on purpose (a carousel), and visually hidden text.
 */
export async function wideElements(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible') return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.visually-hidden')) continue;
      if ((r.right > width + 1 || r.left < -1) && !clipped(el))
        out.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.left)}–${Math.round(r.right)} of ${width})`);
    }
    if (document.documentElement.scrollWidth > width + 1) out.push(`document scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    return out;
  });
}

/** Buttons, button-styled links and form fields smaller than 44×44 CSS px (inline text links are exempt). */
export async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      'button, a.button, a.open-in-tiktok, a.embed-open, a.cta, a.embed-cta, .other-showcases a, select, input:not([type="hidden"]):not([type="checkbox"]), textarea',
    );
    const out: string[] = [];
    for (const el of targets) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
    }
    // A checkbox counts by the label that holds it (the whole card is the target).
    for (const box of document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const r = (box.closest('label') ?? box).getBoundingClientRect();
      if (r.width > 0 && (r.width < 44 || r.height < 44))
        out.push(`checkbox "${box.getAttribute('aria-label') ?? ''}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
}

export async function expectSoundLayout(page: Page) {
  expect(await wideElements(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
}
