import { expect, type APIRequestContext, type Page } from '@playwright/test';

let seq = 0;
/** A sandbox username no other test uses, so every journey starts as a brand-new creator. */
export function uniqueUser(prefix = 'e2e'): string {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}-${seq}`.slice(0, 24);
}

export async function control(request: APIRequestContext, body: Record<string, unknown>) {
  const res = await request.post('/sandbox/control', { data: body });
  expect(res.ok(), await res.text()).toBeTruthy();
  return res.json();
}

export async function counters(request: APIRequestContext): Promise<Record<string, number>> {
  const res = await request.get('/sandbox/control');
  return (await res.json()).counters;
}

/** Signs in through the sandbox's consent page, as a person would. */
export async function signIn(page: Page, username: string, opts: { untick?: string[]; start?: string } = {}) {
  await page.goto(opts.start ?? '/');
  if (!opts.start) await page.getByRole('link', { name: 'Continue with TikTok' }).click();
  await expect(page.getByRole('heading', { name: /would like to access your TikTok account/ })).toBeVisible();
  for (const scope of opts.untick ?? []) await page.getByLabel(scope, { exact: true }).uncheck();
  await page.getByLabel('Sandbox account (username)').fill(username);
  await page.getByRole('button', { name: 'Authorize' }).click();
}
