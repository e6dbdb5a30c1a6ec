import { z } from 'zod';
import { startSession } from '@/lib/auth/session';
import { jsonError } from '@/lib/http';
import { problemResponse } from '@/lib/http/problems';
import { browserId } from '@/lib/qr/browser';
import { pollQrLogin } from '@/lib/qr/login';

export const dynamic = 'force-dynamic';

const idSchema = z.uuid();

/** The browser's poll: the server asks TikTok (check_qrcode) and answers in the app's own words. */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = idSchema.safeParse((await ctx.params).id);
  if (!id.success) return jsonError('bad_request', 'Not a QR session id.');
  const browser = await browserId(false);
  if (!browser) return jsonError('not_found', 'No such QR sign-in in this browser.');
  try {
    const poll = await pollQrLogin(id.data, browser);
    if (poll.status === 'not_found') return jsonError('not_found', 'No such QR sign-in in this browser.');
    if (poll.status === 'ticket_mismatch') return jsonError('conflict', 'This QR code was answered by someone else. Please start again.');
    if (poll.status === 'confirmed') {
      await startSession(poll.userId);
      return Response.json({ status: 'confirmed', redirectTo: '/dashboard' });
    }
    return Response.json({ status: poll.status }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return problemResponse(e, { signingIn: true });
  }
}
