// Validates configuration once, when the server starts: a bad value stops the app with one line.
// Connects Redis when one is configured, starts delivering the edge cache's purges and the insights flush. Also registers what a graceful stop must release (scripts/server.mjs calls it on SIGTERM): insights' last flush first.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env, EnvError } = await import('./lib/platform/config/env');
  try {
    env();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      // Reached through a variable so the Edge bundle analysis leaves this Node-only call alone.
      const exit = 'exit' as const;
      process[exit](1);
    }
    throw e;
  }
  // Redis is connected now, not on the first request that needs it, so the first readiness probe
  // of a fresh instance can pass (the client keeps retrying by itself if Redis is away).
  const { redis } = await import('./lib/platform/cache/redis');
  const { whenReady } = await import('./lib/platform/cache/redis-client.mjs');
  const client = redis();
  if (client) await whenReady(client, 2_000).catch(() => undefined);
  // Token rows still in the first cipher format are rewritten before anything reads them.
  const { upgradeLegacyTokens } = await import('./lib/auth/tokens');
  await upgradeLegacyTokens().then(
    (n) => n && console.log(`[showreel] rewrote ${n} token row(s) in the current cipher format`),
    () => console.warn('[showreel] could not rewrite token rows in the current cipher format; the next start will'),
  );
  // npm start's server asks the app for a public answer's cache tags (lib/platform/http/cache-policy.mjs).
  const { edgeTagsOf } = await import('./lib/showcase/edge-tags');
  (globalThis as Record<symbol, unknown>)[Symbol.for('showreel.edgeTags')] = edgeTagsOf;
  // …and hands it the counting script's beacons, for its route handler without Next's pipeline
  // around it (lib/platform/http/direct-route.mjs).
  const events = await import('./app/api/events/route');
  (globalThis as Record<symbol, unknown>)[Symbol.for('showreel.directRoutes')] = { '/api/events': events.POST };
  // Every instance delivers the edge's purges that are due, its own and those of a process that died.
  const { startEdgePurgeLoop } = await import('./lib/platform/edge/outbox');
  startEdgePurgeLoop();
  // …and records the revalidations an instance cut off from Redis could not (issue 16, item 5).
  const { startRevalidationReplayLoop } = await import('./lib/platform/cache/revalidate');
  startRevalidationReplayLoop();
  // Insights' counters are added to the rollups every few seconds, and once more when the server stops.
  const { startInsightsFlusher, stopInsightsFlusher } = await import('./lib/insights/flush');
  startInsightsFlusher();
  const { shutdown } = await import('./lib/platform/shutdown');
  (globalThis as Record<symbol, unknown>)[Symbol.for('showreel.shutdown')] = async () => {
    await stopInsightsFlusher().catch((e) => console.warn(`[insights] could not flush before stopping: ${e instanceof Error ? e.message : e}`));
    await shutdown();
  };
}
