import { describe, expect, it } from 'vitest';
import { env } from '@/lib/platform/config/env';
import { sandboxRoute } from '@/lib/sandbox/http';

describe('the sandbox with real TikTok credentials', () => {
  it('is not reachable: every sandbox route answers 404', async () => {
    expect(env().sandbox).toBe(false);
    let ran = false;
    const route = sandboxRoute(async () => {
      ran = true;
      return new Response('sandbox');
    });
    const res = await route();
    expect(res.status).toBe(404);
    expect(ran).toBe(false);
  });
});
