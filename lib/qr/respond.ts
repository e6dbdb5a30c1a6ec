import 'server-only';
import { jsonError } from '../http';
import { isTikTokError } from '../tiktok/errors';

/** A TikTok failure during QR sign-in, in the app's words; anything else is a bug and is rethrown. */
export function qrProblemResponse(e: unknown) {
  if (isTikTokError(e, 'rate_limited')) return jsonError('rate_limited', 'TikTok is busy. Please try again in a moment.');
  if (isTikTokError(e)) return jsonError('tiktok_unavailable', "TikTok isn't answering right now. Please try again in a moment.");
  throw e;
}
