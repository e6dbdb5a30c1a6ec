import { beaconScript } from '@/lib/insights/beacon';

/**
 * The counting script on a public surface (page, embed, /watch): a plain deferred script of the
 * app's own, not a chunk of the page's bundle, so the page stays static and cached and its JS grows
 * by this file alone. What it sends and what is kept: docs/architecture.md, Insights.
 */
export function InsightsBeacon({ showcaseId, videoId }: { showcaseId: string; videoId?: string }) {
  return <script src={`/count.js?v=${beaconScript.version}`} data-showcase={showcaseId} data-video={videoId} defer />;
}
