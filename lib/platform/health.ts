import 'server-only';
import { z } from 'zod';
import { redis } from './cache/redis';
import { assertRedisReady, whenReady } from './cache/redis-client.mjs';
import { ping } from './db/sql';
import { isDraining } from './shutdown';

/** A check says whether it passed, nothing more: readiness is public, and errors would name hosts. */
type Check = { ok: boolean };

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

async function check(name: string, run: () => Promise<unknown>): Promise<Check> {
  try {
    await within(run(), 2_000);
    return { ok: true };
  } catch (e) {
    // The operator's log keeps the reason (never a URL or a password: the drivers' words can hold a
    // host, so only the error's class and code go there).
    console.warn(`[health] ${name} check failed (${errorKind(e)})`);
    return { ok: false };
  }
}

const errorKind = (e: unknown) => {
  const x = e as { name?: unknown; code?: unknown } | null;
  return [x?.name, x?.code].filter((v) => typeof v === 'string').join(' ') || 'error';
};

/**
 * Readiness: this instance can serve (its database answers, and Redis when one is configured) and
 * is not stopping. The answer names the failing check and nothing more.
 */
export async function readiness(): Promise<{ ready: boolean; checks: Record<string, Check> }> {
  const checks: Record<string, Check> = { database: await check('database', ping) };
  // Opening the app's own client registers it, so a configured Redis is always asked; a client
  // opened a moment ago (instrumentation.ts opens it at start) is given a second to connect.
  const client = redis();
  if (client) checks.redis = await check('redis', () => whenReady(client).then(assertRedisReady));
  if (isDraining()) checks.server = { ok: false };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

/** `?ready=1` asks for readiness; anything else is liveness. */
export const healthQuerySchema = z.object({ ready: z.string().optional() });
