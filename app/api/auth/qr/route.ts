import { methods, route } from '@/lib/api/route';
import { limitAnonymousStart } from '@/lib/platform/limits/policies';
import { browserId } from '@/lib/qr/browser';
import { startQrLogin } from '@/lib/qr/login';

export const dynamic = 'force-dynamic';

/** Starts a QR sign-in for this browser: the QR image (SVG) and the URL it encodes. */
const post = route(
  {
    signingIn: true,
    // A cookieless browser gets its id (and its counter) only when the address lets the request through.
    limit: {
      what: 'QR codes requested',
      check: async ({ request }) => limitAnonymousStart(request, 'qrStart', await browserId(false), () => browserId(true)),
    },
  },
  async () => Response.json(await startQrLogin(await browserId(true)), { headers: { 'Cache-Control': 'no-store' } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = methods({ POST: post });
