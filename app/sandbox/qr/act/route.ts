import { actOnQr } from '@/lib/sandbox';
import { SandboxFull } from '@/lib/sandbox/accounts';
import { isSandboxUsername } from '@/lib/sandbox/creators';
import { formOf, sandboxRoute } from '@/lib/sandbox/http';

/** The phone's buttons: scan, confirm (as a sandbox username) or cancel; then back to the phone page. */
export const POST = sandboxRoute(async (request: Request) => {
  const f = await formOf(request);
  const token = f.get('token') ?? '';
  const ticket = f.get('client_ticket') ?? '';
  const action = f.get('action');
  if (action !== 'scan' && action !== 'confirm' && action !== 'cancel') return new Response('Unknown action', { status: 400 });
  const username = (f.get('username') ?? '').trim().toLowerCase() || undefined;
  if (username && !isSandboxUsername(username)) return new Response('Invalid sandbox username', { status: 400 });
  try {
    if (!actOnQr(token, action, ticket, username)) return new Response('Unknown QR code', { status: 404 });
  } catch (e) {
    if (e instanceof SandboxFull) return new Response(`${e.message} Confirm with an existing sandbox username.`, { status: 409 });
    throw e;
  }
  const back = `/sandbox/qr?${new URLSearchParams({ token, client_ticket: ticket })}`;
  return new Response(null, { status: 303, headers: { Location: back } });
});
