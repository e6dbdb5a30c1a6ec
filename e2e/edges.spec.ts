import { expect, test } from '@playwright/test';

// Requests nobody's browser sends but anybody can: malformed addresses, odd methods, and what the
// page cache keeps because of them. Each answers in words (the API's error shape under /api, a page
// elsewhere), never with a 500.

const errorShape = { error: { code: expect.any(String), message: expect.any(String) } };

test('malformed percent-encoding answers 400 or 404 on every dynamic segment, never 500', async ({ request }) => {
  const paths = [
    '/u/%ff%fe',
    '/u/%zz',
    '/u/%zz/share-image',
    '/embed/%zz',
    '/embed/%zz?layout=list',
    '/embed/ok/%zz',
    '/watch/%zz',
    '/api/%zz',
    '/api/covers/%zz',
    '/api/avatars/%zz',
    '/api/public/showcases/%zz',
    '/api/auth/qr/%zz',
    '/sandbox/cdn/cover/%zz',
  ];
  for (const path of paths) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect([400, 404], `${path} answered ${res.status()}`).toContain(res.status());
    if (path.startsWith('/api/')) expect(await res.json(), path).toEqual(errorShape);
    else expect(res.headers()['content-type'], path).toMatch(/^text\/html/);
  }
  // In a query the address is data: oEmbed's url naming a malformed page is simply not a showcase.
  const oembed = await request.get(`/api/oembed?url=${encodeURIComponent(`${new URL(test.info().project.use.baseURL!).origin}/u/%zz`)}`);
  expect(oembed.status()).toBe(404);
  expect(await oembed.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
});
