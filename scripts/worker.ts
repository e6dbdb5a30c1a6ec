// `npm run worker`: a long-running process that runs the background sync on a schedule.
// `npm run worker -- --once` runs one pass and exits (also what tests use); `--all` ignores due times;
// `--handles=a,b` syncs only those creators.

import { upgradeLegacyTokens } from '../lib/auth/tokens';
import { sleep } from '../lib/platform/async';
import { startRevalidationReplayLoop } from '../lib/platform/cache/revalidate';
import { env } from '../lib/platform/config/env';
import { deliverEdgePurgesNow, startEdgePurgeLoop } from '../lib/platform/edge/outbox';
import { errorMessage } from '../lib/platform/errors';
import { shutdown } from '../lib/platform/shutdown';
import { runSync } from '../lib/sync/run';

const once = process.argv.includes('--once');
const all = process.argv.includes('--all');
const handles = process.argv
  .find((a) => a.startsWith('--handles='))
  ?.slice('--handles='.length)
  .split(',')
  .filter(Boolean);
// Accounts become due one by one, so look often; each pass only takes the due ones.
const tickMs = Math.min(env().syncIntervalMs, 15 * 60_000);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopping = true;
    console.log(`[worker] ${signal}: finishing the current pass`);
  });
}

async function main() {
  console.log(`[worker] started (${once ? 'one pass' : `every ${Math.round(tickMs / 60_000)} min`})`);
  // As every server does when it starts: no token row is read in the first cipher format.
  const upgraded = await upgradeLegacyTokens().catch((e) => {
    console.warn(`[worker] could not rewrite token rows in the current cipher format: ${errorMessage(e)}`);
    return 0;
  });
  if (upgraded) console.log(`[worker] rewrote ${upgraded} token row(s) in the current cipher format`);
  // The worker delivers the edge cache's purges too, its own and any left by a process that died.
  const stopPurges = startEdgePurgeLoop();
  const stopReplays = startRevalidationReplayLoop();
  do {
    try {
      const summary = await runSync({ all, handles, log: (line) => console.log(`[worker] ${line}`) });
      if (once) console.log(JSON.stringify({ summary }));
    } catch (e) {
      console.error(`[worker] pass failed: ${errorMessage(e)}`);
      if (once) process.exitCode = 1;
    }
    for (let waited = 0; !once && !stopping && waited < tickMs; waited += 1000) await sleep(1000);
  } while (!once && !stopping);
  stopPurges();
  stopReplays();
  await deliverEdgePurgesNow();
  // Hand back any lease still held and close the pool, so another worker can go on at once.
  await shutdown();
  process.exit();
}

void main();
