// Next's own per-instance cache (files under .next and a memory layer), used when REDIS_URL is not
// set, keeping only what ./cacheable.mjs allows. next.config.mjs names this file; Next loads it
// outside the app's bundle.
import { createRequire } from 'node:module';
import { dropFromResponseCache } from '../http/response-cache.mjs';
import { isCacheable } from './cacheable.mjs';

const require = createRequire(import.meta.url);
/** @type {typeof import('next/dist/server/lib/incremental-cache/file-system-cache').default} */
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

export default class LocalCacheHandler extends FileSystemCache {
  /**
   * Next drops its entries after the change's response has left (and after what the change awaits
   * then, such as the edge's purges): `npm start`'s response cache drops its copies again now, so
   * nothing Next served from the old entry until this moment is kept there
   * (lib/platform/http/response-cache.mjs).
   * @param {Parameters<InstanceType<typeof FileSystemCache>['revalidateTag']>} args
   */
  async revalidateTag(...args) {
    await super.revalidateTag(...args);
    const [tags] = args;
    dropFromResponseCache(typeof tags === 'string' ? [tags] : tags);
  }

  /** @param {Parameters<InstanceType<typeof FileSystemCache>['set']>} args */
  async set(...args) {
    const [, data] = args;
    if (!isCacheable(data)) return;
    return super.set(...args);
  }
}
