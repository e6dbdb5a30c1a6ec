import { fileURLToPath } from 'node:url';
import { settings } from './lib/platform/config/index.mjs';

// The settings, not the app's config(): `next build` evaluates this file before it sets NEXT_PHASE,
// and a custom server (scripts/server.mjs) before Next sets NODE_ENV.
const { NODE_ENV, REDIS_URL } = settings();

// Security headers for every response. Frames come from TikTok's player and this app (the
// dashboard's embed preview). Images on the dashboard may come from TikTok's CDN (the creator's own
// recent videos); public pages and embeds show only the app's own copies, so there img-src is
// 'self' and a visitor's browser could not load a picture from TikTok even if a page asked it to.
const directives = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-src 'self' https://www.tiktok.com",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];
const csp = directives.join('; ');
// The sandbox's consent form redirects on to a native app's custom scheme (as TikTok's own page
// does), which form-action 'self' would block; everything else stays the same.
const sandboxCsp = directives.filter((d) => !d.startsWith('form-action')).join('; ');
/** @param {string} d */
const ownImages = (d) => (d.startsWith('img-src') ? "img-src 'self' data:" : d);
const publicCsp = directives.map(ownImages).join('; ');
// The embed and the full-screen player exist to be framed by other websites; nothing else may be.
const framedCsp = directives
  .map(ownImages)
  .map((d) => (d.startsWith('frame-ancestors') ? 'frame-ancestors *' : d))
  .join('; ');

/** @param {string} policy */
const securityHeaders = (policy) => [
  { key: 'Content-Security-Policy', value: policy },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  // A window this app opens, or that opens it, gets no handle on the other (no window.opener tricks);
  // nothing here needs one (TikTok's consent is a top-level redirect, not a popup).
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

// Several instances share one cache through Redis when REDIS_URL is set (read when the server
// starts, so one build serves both ways); without it Next keeps its default per-instance cache. Both
// keep only successful answers (lib/platform/cache/cacheable.mjs).
const sharedCache = REDIS_URL
  ? { cacheHandler: fileURLToPath(new URL('./lib/platform/cache/next-cache-handler.mjs', import.meta.url)), cacheMaxMemorySize: 0 }
  : { cacheHandler: fileURLToPath(new URL('./lib/platform/cache/local-cache-handler.mjs', import.meta.url)) };

export const DEFAULT_EMBED_VARIANT = 'grid.auto.50.0.1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  ...sharedCache,
  poweredByHeader: false,
  // TikTok's endpoints end in "/"; the sandbox serves them at the same paths without a redirect.
  skipTrailingSlashRedirect: true,
  // An embed that names no option is the default variant (toVariant(DEFAULT_EMBED_OPTIONS) in
  // lib/embed/options.ts; a unit test keeps the two equal). Embeds with options go through proxy.ts.
  async rewrites() {
    return { beforeFiles: [{ source: '/embed/:handle', destination: `/embed/:handle/${DEFAULT_EMBED_VARIANT}` }] };
  },
  async headers() {
    return [
      { source: '/((?!sandbox/|embed/|watch/|u/).*)', headers: securityHeaders(csp) },
      { source: '/u/:path*', headers: securityHeaders(publicCsp) },
      { source: '/embed/:path*', headers: securityHeaders(framedCsp) },
      { source: '/watch/:path*', headers: securityHeaders(framedCsp) },
      { source: '/sandbox/:path*', headers: securityHeaders(sandboxCsp) },
    ];
  },
};

export default nextConfig;
