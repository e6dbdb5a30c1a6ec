// TikTok's scope names, once: plain JS, so the configuration rules (lib/platform/config/schema.mjs) share them.
export const SCOPES = Object.freeze({
  basic: 'user.info.basic',
  profile: 'user.info.profile',
  stats: 'user.info.stats',
  videoList: 'video.list',
});

/** What Showreel asks for unless TIKTOK_SCOPES says otherwise. */
export const DEFAULT_SCOPES = Object.freeze([SCOPES.basic, SCOPES.profile, SCOPES.videoList]);
