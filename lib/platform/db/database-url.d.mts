import type { PoolConfig } from 'pg';
export declare function providerOf(url: string): 'sqlite' | 'postgresql';
export declare function pgPoolConfig(url: string): PoolConfig;
export declare function redactUrl(url: string): string;
