import type { RedisClientType } from '@redis/client';
export declare function openRedis(url: string, options: { name: string; onRecovered?: (client: RedisClientType) => void | Promise<void> }): RedisClientType;
export declare function assertRedisReady(): Promise<void>;
export declare function whenReady(client: RedisClientType, timeoutMs?: number): Promise<void>;
export declare function closeAllRedis(): Promise<void>;
