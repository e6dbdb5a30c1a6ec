import { expect, test } from '@playwright/test';
import { clientIp } from './support/helpers';
import { serverOfItsOwn } from './support/server';

// A public demo (SHOWREEL_SANDBOX=1 in production): the sandbox's controls can disconnect and
// unpublish creators, inject failures and make up accounts, so they answer only a configured
// token, refuse a guesser after a few tries, and the sandbox holds a bounded number of accounts.
const TOKEN = 'demo-sandbox-control-token-0123456789';
const { base } = serverOfItsOwn(80, 'demo', (dir, url) => ({
  APP_URL: url,
  SHOWREEL_SANDBOX: '1',
  SHOWREEL_DATA_DIR: dir,
  SANDBOX_CONTROL_TOKEN: TOKEN,
  SANDBOX_MAX_ACCOUNTS: '3',
  TRUST_PROXY: '1',
}));

const call = (request: import('@playwright/test').APIRequestContext, ip: string, body?: unknown, token?: string) => {
  const headers: Record<string, string> = { 'X-Forwarded-For': ip, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  return body === undefined ? request.get(`${base}/sandbox/control`, { headers }) : request.post(`${base}/sandbox/control`, { headers, data: body });
};

test('/sandbox/control in a public demo answers only its token, and a guesser is limited', async ({ request }) => {
  const visitor = clientIp();
  const fault = { action: 'fault', endpoint: 'video/list', status: 503, delayMs: 60_000 };
  for (const attempt of [
    () => call(request, visitor),
    () => call(request, visitor, fault),
    () => call(request, visitor, fault, 'not-the-token-but-long-enough'),
  ]) {
    const res = await attempt();
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
  }
  // Nothing was injected: the operator's own view shows no fault and no call.
  const operator = clientIp();
  const view = await call(request, operator, undefined, TOKEN);
  expect(view.status()).toBe(200);
  expect((await call(request, operator, { action: 'clearFaults' }, TOKEN)).status()).toBe(200);
  // A few more guesses, then 429 with Retry-After (the operator is not affected).
  const statuses: number[] = [];
  for (let i = 0; i < 9; i++) statuses.push((await call(request, visitor, fault, `guess-${i}-0123456789abcdef`)).status());
  expect(statuses.slice(0, 7)).toEqual(Array(7).fill(403));
  expect(statuses.slice(7)).toEqual([429, 429]);
  const limited = await call(request, visitor, fault);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await call(request, operator, undefined, TOKEN)).status()).toBe(200);
});

test('the sandbox holds at most SANDBOX_MAX_ACCOUNTS accounts; the existing ones go on working', async ({ request }) => {
  const operator = clientIp();
  const hide = async (username: string) => {
    const { videos } = await (await call(request, operator, { action: 'videos', username }, TOKEN)).json();
    return call(request, operator, { action: 'setVideoState', username, videoId: videos[0].id, state: 'private' }, TOKEN);
  };
  const names = ['demo-a', 'demo-b', 'demo-c'];
  for (const username of names) expect((await hide(username)).status(), username).toBe(200);
  const full = await hide('demo-d');
  expect(full.status()).toBe(409);
  expect(await full.json()).toEqual({ error: { code: 'conflict', message: expect.stringMatching(/maximum of 3 accounts/) } });
  expect((await hide('demo-a')).status()).toBe(200);
});
