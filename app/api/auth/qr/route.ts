import { isSameOrigin } from '@/lib/auth/guard';
import { jsonError } from '@/lib/http';
import { browserId } from '@/lib/qr/browser';
import { startQrLogin } from '@/lib/qr/login';
import { isTikTokError } from '@/lib/tiktok/errors';

export const dynamic = 'force-dynamic';

/** Starts a QR sign-in for this browser: the QR image (SVG) and the URL it encodes. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return jsonError('forbidden', 'Cross-site requests are not allowed.');
  try {
    const id = (await browserId(true))!;
    return Response.json(await startQrLogin(id), { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    if (isTikTokError(e, 'rate_limited')) return jsonError('rate_limited', 'TikTok is busy. Please try again in a moment.');
    if (isTikTokError(e)) return jsonError('tiktok_unavailable', "TikTok isn't answering right now. Please try again in a moment.");
    throw e;
  }
}
