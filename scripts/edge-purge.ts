// `npm run edge:purge -- <tag> [<tag> …]`: purges tags at every configured edge cache now, through
// the outbox (so what the edge does not confirm is delivered later by the app's instances). After a
// deployment: `npm run edge:purge -- site` (every public answer carries the tag `site`).

import { db } from '../lib/platform/db/client';
import { deliverEdgePurges, hasEdge, queueEdgePurge } from '../lib/platform/edge/outbox';
import { errorMessage } from '../lib/platform/errors';

async function main() {
  const tags = process.argv.slice(2).filter((t) => /^[\w.:-]{1,200}$/.test(t));
  if (tags.length === 0 || tags.length !== process.argv.slice(2).length) {
    console.error('usage: npm run edge:purge -- <tag> [<tag> …]   (e.g. site, showcase:{handle}, sitemap)');
    process.exit(2);
  }
  if (!hasEdge()) {
    console.error('no edge cache is configured (EDGE_PURGE_URL, or the Cloudflare or Fastly variables): nothing to purge');
    process.exit(1);
  }
  await queueEdgePurge(tags);
  const { delivered, failed } = await deliverEdgePurges();
  console.log(`[edge] purged ${tags.join(' ')}: ${delivered} delivered, ${failed} left to the app's instances to retry`);
  await db.$disconnect();
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`[edge] ${errorMessage(e)}`);
  process.exit(1);
});
