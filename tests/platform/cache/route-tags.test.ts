import { describe, expect, it } from 'vitest';
import { withRouteTags } from '@/lib/platform/cache/next-cache-handler.mjs';

describe("a route handler's answer in the shared page cache", () => {
  it("carries the tags of its x-next-cache-tags header, so another instance's revalidation drops it", () => {
    const value = {
      lastModified: 1,
      lifespan: null,
      tags: ['_N_T_/u/ana'],
      value: { kind: 'APP_ROUTE', status: 200, body: Buffer.from('x'), headers: { 'x-next-cache-tags': 'showcase:ana,creator:ana,_N_T_/u/ana' } },
    };
    // biome-ignore lint/suspicious/noExplicitAny: the handler library's value type, in part
    expect(withRouteTags(value as any).tags).toEqual(['_N_T_/u/ana', 'showcase:ana', 'creator:ana']);
  });

  it("leaves a page's tags (the library reads them itself) and an answer without tags as they are", () => {
    const page = { lastModified: 1, lifespan: null, tags: ['a'], value: { kind: 'APP_PAGE', headers: { 'x-next-cache-tags': 'b' } } };
    // biome-ignore lint/suspicious/noExplicitAny: the handler library's value type, in part
    expect(withRouteTags(page as any)).toBe(page);
    const bare = { lastModified: 1, lifespan: null, tags: [], value: { kind: 'APP_ROUTE', headers: {} } };
    // biome-ignore lint/suspicious/noExplicitAny: the handler library's value type, in part
    expect(withRouteTags(bare as any)).toBe(bare);
  });
});
