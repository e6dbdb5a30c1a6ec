import 'server-only';
import { z } from 'zod';
import { redis } from './cache/redis';
import { assertRedisReady } from './cache/redis-client.mjs';
import { ping } from './db/sql';
import { errorMessage } from './errors';
import { isDraining } from './shutdown';

type Check = { ok: boolean; error?: string };

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

async function check(run: () => Promise<unknown>): Promise<Check> {
  try {
    await within(run(), 2_000);
    return { ok: true };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}

/**
 * Readiness: this instance can serve (its database answers, and Redis when one is configured) and
 * is not stopping. Errors name the dependency, never a URL or a password.
 */
export async function readiness(): Promise<{ ready: boolean; checks: Record<string, Check> }> {
  const checks: Record<string, Check> = { database: await check(ping) };
  // Opening the app's own client registers it, so a configured Redis is always asked.
  if (redis()) checks.redis = await check(assertRedisReady);
  if (isDraining()) checks.server = { ok: false, error: 'stopping' };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

/** `?ready=1` asks for readiness; anything else is liveness. */
export const healthQuerySchema = z.object({ ready: z.string().optional() });
