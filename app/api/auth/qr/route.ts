import { refuseCrossSite } from '@/lib/auth/guard';
import { problemResponse } from '@/lib/http/problems';
import { limitAnonymousStart, tooManyRequests } from '@/lib/limits/policies';
import { browserId } from '@/lib/qr/browser';
import { startQrLogin } from '@/lib/qr/login';

export const dynamic = 'force-dynamic';

/** Starts a QR sign-in for this browser: the QR image (SVG) and the URL it encodes. */
export async function POST(request: Request) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  try {
    const id = await browserId(true);
    const verdict = await limitAnonymousStart(request, 'qrStart', id);
    if (!verdict.ok) return tooManyRequests(verdict, 'QR codes requested');
    return Response.json(await startQrLogin(id), { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return problemResponse(e, { signingIn: true });
  }
}
