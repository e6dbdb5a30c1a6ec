import 'server-only';
import type { RedisClientType } from '@redis/client';
import { env } from '../config/env';
import { openRedis } from './redis-client.mjs';

const g = globalThis as unknown as { showreelRedis?: RedisClientType };

/** The app's Redis client when REDIS_URL is set (opened on first use), else null. */
export function redis(): RedisClientType | null {
  const url = env().redisUrl;
  if (!url) return null;
  g.showreelRedis ??= openRedis(url, {
    name: 'the app',
    // Revalidations other processes handed over while Redis was away are recorded before this
    // instance says it is ready again (readiness waits for a recovery): a page it renders from then
    // on is never made stale by a record that arrives a second later.
    onRecovered: async () => {
      const { replayRevalidations } = await import('./revalidate');
      await replayRevalidations();
    },
  }) as RedisClientType;
  return g.showreelRedis;
}
