// A faithful stand-in for TikTok's v2 API (as TikTok for Developers documents it), served by the app itself in
// sandbox mode. The app reaches it over HTTP through the same base URLs it would use for TikTok, so
// no app domain imports it: only the routes under app/sandbox do, through this file.
export * from './accounts';
export * from './cdn';
export * from './display-api';
export { csvList, type Fault, type QrRecord, REQUIRED_SCOPES, type SandboxReply, SCOPES, type Settings } from './model';
export * from './oauth';
export * from './oembed';
export * from './qr';
export * from './settings';
export * from './webhooks';
