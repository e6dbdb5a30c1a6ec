export declare const DEFAULT_REDIS_KEY_PREFIX: string;
export declare const SHARED_TAGS_KEY: string;
export declare const REVALIDATED_TAGS_KEY: string;
export declare function pageCachePrefix(redisKeyPrefix?: string): string;
