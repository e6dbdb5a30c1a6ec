import { methods, route } from '@/lib/api/route';
import { startSession } from '@/lib/auth/session';
import { HttpError } from '@/lib/platform/http/errors';
import { limitQrPolls } from '@/lib/platform/limits/policies';
import { browserId } from '@/lib/qr/browser';
import { pollQrLogin } from '@/lib/qr/login';
import { qrParamsSchema } from '@/lib/qr/schema';

export const dynamic = 'force-dynamic';

const notHere = () => new HttpError('not_found', 'No such QR sign-in in this browser.');

/** The browser's poll: the server asks TikTok (check_qrcode) and answers in the app's own words. */
const get = route(
  {
    params: qrParamsSchema,
    invalid: { params: 'Not a QR session id.' },
    signingIn: true,
    // However many QR sessions one client keeps open, its polls (each a possible check_qrcode) are capped.
    limit: { what: 'QR status checks', check: async ({ request }) => limitQrPolls(request, await browserId(false)) },
  },
  async ({ params }) => {
    const browser = await browserId(false);
    if (!browser) throw notHere();
    const poll = await pollQrLogin(params.id, browser);
    if (poll.status === 'not_found') throw notHere();
    if (poll.status === 'ticket_mismatch') throw new HttpError('conflict', 'This QR code was answered by someone else. Please start again.');
    if (poll.status === 'confirmed') {
      await startSession(poll.userId);
      return Response.json({ status: 'confirmed', redirectTo: '/dashboard' });
    }
    return Response.json({ status: poll.status }, { headers: { 'Cache-Control': 'no-store' } });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ GET: get });
