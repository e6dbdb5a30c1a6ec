import 'server-only';
import { chunk } from '../chunk';
import type { Env } from '../config/env';

/** One edge cache purges go to, as the configuration names it (lib/platform/config/schema.mjs). */
export type Edge = Env['edge'][number];

/** How long one purge request may take before it counts as failed (the outbox tries again). */
const PURGE_TIMEOUT_MS = 5_000;

export const CLOUDFLARE_API = 'https://api.cloudflare.com/client/v4';
export const FASTLY_API = 'https://api.fastly.com';
// Cloudflare takes at most 30 tags per purge request, Fastly 256 surrogate keys.
const CLOUDFLARE_TAGS_PER_CALL = 30;
const FASTLY_KEYS_PER_CALL = 256;

export class EdgePurgeError extends Error {
  constructor(edge: Edge['kind'], detail: string) {
    super(`${edge} purge failed: ${detail}`);
    this.name = 'EdgePurgeError';
  }
}

async function send(edge: Edge['kind'], url: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(PURGE_TIMEOUT_MS), redirect: 'manual' });
  } catch (e) {
    throw new EdgePurgeError(edge, e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : 'unreachable');
  }
  // Never the body or the request in the message: a token travels in the request's headers.
  if (!response.ok) throw new EdgePurgeError(edge, `HTTP ${response.status}`);
  return response;
}

/**
 * Varnish with the xkey module (deploy/varnish/default.vcl): a PURGE whose `xkey-purge` header
 * names the tags; the VCL accepts it only from the app's addresses and answers 200.
 */
async function purgeVarnish(url: string, tags: string[]): Promise<void> {
  const response = await send('varnish', url, { method: 'PURGE', headers: { 'xkey-purge': tags.join(' ') } });
  await response.arrayBuffer().catch(() => undefined);
}

/** Cloudflare's "Purge Cached Content" by cache tag: POST /zones/{zone_id}/purge_cache {"tags": […]}. */
async function purgeCloudflare(zoneId: string, token: string, tags: string[]): Promise<void> {
  for (const batch of chunk(tags, CLOUDFLARE_TAGS_PER_CALL)) {
    const response = await send('cloudflare', `${CLOUDFLARE_API}/zones/${zoneId}/purge_cache`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags: batch }),
    });
    const body = (await response.json().catch(() => null)) as { success?: boolean } | null;
    if (body?.success !== true) throw new EdgePurgeError('cloudflare', 'the API did not confirm the purge');
  }
}

/** Fastly's batch purge by surrogate key: POST /service/{service_id}/purge with a Surrogate-Key header. */
async function purgeFastly(serviceId: string, token: string, tags: string[]): Promise<void> {
  for (const batch of chunk(tags, FASTLY_KEYS_PER_CALL)) {
    const response = await send('fastly', `${FASTLY_API}/service/${serviceId}/purge`, {
      method: 'POST',
      headers: { 'Fastly-Key': token, 'Surrogate-Key': batch.join(' '), Accept: 'application/json' },
    });
    await response.arrayBuffer().catch(() => undefined);
  }
}

/** Purges `tags` at one edge; resolves once the edge confirmed, throws an EdgePurgeError otherwise. */
export function purgeAt(edge: Edge, tags: string[]): Promise<void> {
  switch (edge.kind) {
    case 'varnish':
      return purgeVarnish(edge.url, tags);
    case 'cloudflare':
      return purgeCloudflare(edge.zoneId, edge.token, tags);
    case 'fastly':
      return purgeFastly(edge.serviceId, edge.token, tags);
  }
}
