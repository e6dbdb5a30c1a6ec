// Next's own per-instance cache (files under .next and a memory layer), used when REDIS_URL is not
// set, keeping only what ./cacheable.mjs allows. next.config.mjs names this file; Next loads it
// outside the app's bundle.
import { createRequire } from 'node:module';
import { isCacheable } from './cacheable.mjs';

const require = createRequire(import.meta.url);
/** @type {typeof import('next/dist/server/lib/incremental-cache/file-system-cache').default} */
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

export default class LocalCacheHandler extends FileSystemCache {
  /** @param {Parameters<InstanceType<typeof FileSystemCache>['set']>} args */
  async set(...args) {
    const [, data] = args;
    if (!isCacheable(data)) return;
    return super.set(...args);
  }
}
