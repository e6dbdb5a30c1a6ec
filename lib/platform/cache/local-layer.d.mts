import type { RedisClientType } from '@redis/client';

/** What @fortedigital/nextjs-cache-handler stores per key. */
export type CacheEntry = {
  lastModified: number;
  tags?: readonly string[];
  value: { kind?: string; html?: string; [field: string]: unknown };
  lifespan?: unknown;
};

export type CacheLayer = {
  name: string;
  get(key: string, meta?: { implicitTags: string[] }): Promise<CacheEntry | null>;
  set(key: string, value: CacheEntry, ctx?: unknown): Promise<void>;
  revalidateTag(tag: string): Promise<void>;
  delete(key: string): Promise<void>;
  clear(): void;
  readonly size: number;
};

export function withLocalLayer(remote: object, options: { client: RedisClientType; keyPrefix: string; maxEntries?: number; timeoutMs?: number }): CacheLayer;
