import { z } from 'zod';
import { showcaseIdsOfUsername } from '@/lib/insights/showcases';
import { fillTraffic } from '@/lib/insights/traffic';
import * as sandbox from '@/lib/sandbox';
import { isSandboxUsername } from '@/lib/sandbox/creators';
import { controlRoute, jsonOf } from '@/lib/sandbox/http';

// Test and demo controls for the sandbox: counters, injected failures, short TTLs, account events.

const endpoint = z.enum([
  'oauth/token:code',
  'oauth/token:refresh',
  'oauth/revoke',
  'oauth/get_qrcode',
  'oauth/check_qrcode',
  'user/info',
  'video/list',
  'video/query',
  'cdn/cover',
  'cdn/avatar',
  'oembed',
]);
const username = z.string().refine(isSandboxUsername, 'not a sandbox username').default(sandbox.DEFAULT_USERNAME);

const command = z.discriminatedUnion('action', [
  z.object({ action: z.literal('reset') }),
  z.object({ action: z.literal('resetCounters') }),
  z
    .object({
      action: z.literal('fault'),
      endpoint,
      // 403 is what TikTok's CDN answers past x-expires (cdn/cover, cdn/avatar).
      status: z.union([z.literal(403), z.literal(429), z.literal(500), z.literal(503)]).optional(),
      delayMs: z.number().int().min(0).max(60_000).optional(),
      times: z.number().int().positive().optional(),
      /** The token endpoint carries the grant out (rotates), then drops the connection without answering. */
      dropAnswer: z.boolean().optional(),
    })
    .refine((f) => !f.dropAnswer || f.endpoint.startsWith('oauth/token:'), 'dropAnswer applies to oauth/token:code and oauth/token:refresh'),
  z.object({ action: z.literal('clearFaults') }),
  z.object({
    action: z.literal('settings'),
    coverTtlSeconds: z.number().int().positive().optional(),
    avatarTtlSeconds: z.number().int().positive().optional(),
    accessTtlSeconds: z.number().int().positive().optional(),
    refreshTtlSeconds: z.number().int().positive().optional(),
    qrTtlSeconds: z.number().int().positive().optional(),
    approvedScopes: z.array(z.string()).optional(),
    redirectUris: z.array(z.url({ protocol: /^https?$/ })).optional(),
  }),
  z.object({ action: z.literal('expireAccessTokens'), username }),
  z.object({ action: z.literal('revokeRefreshTokens'), username }),
  z.object({ action: z.literal('setVideoState'), username, videoId: z.string(), state: z.enum(['public', 'private', 'deleted']) }),
  z.object({ action: z.literal('setVideoAigc'), username, videoId: z.string(), aiGenerated: z.boolean() }),
  z.object({ action: z.literal('setVideoStats'), username, videoId: z.string(), views: z.number().int().nonnegative(), likes: z.number().int().nonnegative() }),
  z.object({ action: z.literal('qrStatus'), token: z.string(), status: z.enum(['new', 'scanned', 'confirmed', 'expired', 'utilised']) }),
  z.object({ action: z.literal('authorizationRemoved'), username }),
  z.object({ action: z.literal('videos'), username }),
  z.object({
    action: z.literal('publishVideo'),
    username,
    title: z.string().min(1).max(150).optional(),
    description: z.string().max(2200).optional(),
    views: z.number().int().nonnegative().optional(),
    likes: z.number().int().nonnegative().optional(),
    aiGenerated: z.boolean().optional(),
  }),
  // A short link to one of an account's videos, or (to test refusals) to any https address.
  z.object({ action: z.literal('shortLink'), username, videoId: z.string().optional(), target: z.url({ protocol: /^https$/ }).optional() }),
  // Demo history in the app's insights rollups for this creator's showcases (they must have signed in once).
  z.object({
    action: z.literal('traffic'),
    username,
    days: z.number().int().min(1).max(400),
    viewsPerDay: z.number().int().min(0).max(100_000),
  }),
]);

export const GET = controlRoute(async () =>
  Response.json({ counters: sandbox.counters(), peakPerMinute: sandbox.peakPerMinute(), settings: sandbox.settings() }),
);

export const POST = controlRoute(async (request: Request) => {
  const parsed = command.safeParse(await jsonOf(request));
  if (!parsed.success) return Response.json({ error: { code: 'bad_request', message: parsed.error.issues[0].message } }, { status: 400 });
  const c = parsed.data;
  switch (c.action) {
    case 'reset':
      sandbox.resetCounters();
      sandbox.clearFaults();
      return Response.json({ settings: sandbox.resetSettings() });
    case 'resetCounters':
      sandbox.resetCounters();
      return Response.json({ ok: true });
    case 'fault':
      sandbox.setFault(c.endpoint, { status: c.status, delayMs: c.delayMs, remaining: c.times ?? null, dropAnswer: c.dropAnswer });
      return Response.json({ ok: true });
    case 'clearFaults':
      sandbox.clearFaults();
      return Response.json({ ok: true });
    case 'settings': {
      const { action: _, ...patch } = c;
      return Response.json({ settings: sandbox.updateSettings(patch) });
    }
    case 'expireAccessTokens':
      return Response.json({ expired: sandbox.expireAccessTokens(c.username) });
    case 'revokeRefreshTokens':
      return Response.json({ revoked: sandbox.revokeRefreshTokens(c.username) });
    case 'setVideoState':
      return sandbox.setVideoState(c.username, c.videoId, c.state)
        ? Response.json({ ok: true })
        : Response.json({ error: { code: 'not_found', message: 'No such video' } }, { status: 404 });
    case 'setVideoAigc':
      return sandbox.setVideoAigc(c.username, c.videoId, c.aiGenerated)
        ? Response.json({ ok: true })
        : Response.json({ error: { code: 'not_found', message: 'No such video' } }, { status: 404 });
    case 'setVideoStats':
      return sandbox.setVideoStats(c.username, c.videoId, c.views, c.likes)
        ? Response.json({ ok: true })
        : Response.json({ error: { code: 'not_found', message: 'No such video' } }, { status: 404 });
    case 'qrStatus':
      return sandbox.forceQrStatus(c.token, c.status)
        ? Response.json({ ok: true })
        : Response.json({ error: { code: 'not_found', message: 'No such QR token' } }, { status: 404 });
    case 'authorizationRemoved':
      return Response.json({ delivered: await sandbox.sendAuthorizationRemoved(c.username) });
    case 'videos':
      return Response.json({ videos: sandbox.allVideos(c.username) });
    case 'publishVideo': {
      const { action: _, username: name, ...video } = c;
      return Response.json({ video: sandbox.publishVideo(name, video) }, { status: 201 });
    }
    case 'shortLink': {
      const target = c.videoId ? `https://www.tiktok.com/@${c.username}/video/${c.videoId}` : c.target;
      if (!target) return Response.json({ error: { code: 'bad_request', message: 'Give videoId or target' } }, { status: 400 });
      return Response.json(sandbox.createShortLink(target));
    }
    case 'traffic': {
      const showcases = await showcaseIdsOfUsername(c.username);
      if (!showcases.length) return Response.json({ error: { code: 'not_found', message: 'No creator has signed in with that username' } }, { status: 404 });
      return Response.json(await fillTraffic(showcases, c.days, c.viewsPerDay));
    }
  }
});
