import 'server-only';
import { redis } from '../platform/cache/redis';
import { errorMessage } from '../platform/errors';
import { flushMemory } from './memory-store';
import { flushRedis } from './redis-store';
import { purgePastDays } from './retention';
import { takeSummary, tallyAdded } from './summary';

/** How often this process adds what it counted to the rollups: in memory every few seconds, from Redis well within a minute. */
export const MEMORY_FLUSH_MS = 5_000;
export const REDIS_FLUSH_MS = 10_000;

const g = globalThis as unknown as { showreelInsightsTimer?: NodeJS.Timeout; showreelInsightsDay?: string };

/** Adds every counted event waiting here (and, with Redis, every instance's) to the rollups. */
export async function flushInsights(now = Date.now(), { summary = false } = {}): Promise<number> {
  let added = await flushMemory();
  const client = redis();
  if (client?.isReady) added += await flushRedis(client, now);
  tallyAdded(added);
  // The day's visitor hashes and salt go once the day is over.
  await purgePastDays(now);
  const line = takeSummary(now, summary);
  if (line) console.log(line);
  return added;
}

/** Starts the flush timer of this process (once; instrumentation.ts calls it when the server starts). */
export function startInsightsFlusher(): void {
  if (g.showreelInsightsTimer) return;
  const every = redis() ? REDIS_FLUSH_MS : MEMORY_FLUSH_MS;
  let running = false;
  g.showreelInsightsTimer = setInterval(() => {
    if (running) return;
    running = true;
    flushInsights()
      .catch((e) => console.warn(`[insights] flush failed (${errorMessage(e)}); trying again in ${every / 1000} s`))
      .finally(() => (running = false));
  }, every);
  g.showreelInsightsTimer.unref();
}

/** The last flush of a graceful stop: nothing counted is lost. */
export async function stopInsightsFlusher(): Promise<void> {
  clearInterval(g.showreelInsightsTimer);
  g.showreelInsightsTimer = undefined;
  const added = await flushInsights(Date.now(), { summary: true });
  console.log(`[insights] flushed ${added} event(s) before stopping`);
}
