// Where the shared page cache lives in Redis: one place for the cache handler (which Next loads
// outside the app's bundle), its memory layer, and the app's own revalidation (./revalidate.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEFAULT_REDIS_KEY_PREFIX = 'showreel:';

// The names @fortedigital/nextjs-cache-handler's redis-strings handler keeps its bookkeeping under
// (its defaults, which next-cache-handler.mjs keeps): which tags each entry has, and when each tag
// was last revalidated (an entry older than any of its tags' times is stale on every instance).
export const SHARED_TAGS_KEY = '__sharedTags__';
export const REVALIDATED_TAGS_KEY = '__revalidated_tags__';

function buildId() {
  try {
    return readFileSync(join(/*turbopackIgnore: true*/ process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'dev';
  }
}

/** Every key of this deployment's page cache starts with this: the prefix, then the build id. */
export function pageCachePrefix(redisKeyPrefix = DEFAULT_REDIS_KEY_PREFIX) {
  return `${redisKeyPrefix}${buildId()}:`;
}
