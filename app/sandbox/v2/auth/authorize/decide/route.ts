import { issueCode, validateAuthorize } from '@/lib/tiktok/sandbox/engine';
import { isSandboxUsername } from '@/lib/tiktok/sandbox/creators';
import { formOf, sandboxRoute } from '@/lib/tiktok/sandbox/http';

/** The consent form's answer: back to the app's redirect_uri with a code, or with access_denied. */
export const POST = sandboxRoute(async (request: Request) => {
  const f = await formOf(request);
  const requested = (f.get('scope') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const req = {
    clientKey: f.get('client_key') ?? '',
    scopes: requested,
    redirectUri: f.get('redirect_uri') ?? '',
    state: f.get('state') ?? '',
    responseType: 'code',
    codeChallenge: f.get('code_challenge') || null,
    codeChallengeMethod: f.get('code_challenge_method') || null,
  };
  const problem = validateAuthorize(req);
  if (problem) return new Response(problem, { status: 400 });
  const back = new URL(req.redirectUri);
  if (f.get('decision') !== 'authorize') {
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_description', 'The user denied the request.');
    back.searchParams.set('state', req.state);
    return Response.redirect(back, 302);
  }
  const granted = requested.filter((s) => f.getAll('granted').includes(s));
  const username = (f.get('username') ?? '').trim().toLowerCase();
  if (!isSandboxUsername(username)) return new Response('Invalid sandbox username', { status: 400 });
  const code = issueCode({ username, scopes: granted, redirectUri: req.redirectUri, challenge: req.codeChallenge });
  back.searchParams.set('code', code);
  back.searchParams.set('scopes', granted.join(','));
  back.searchParams.set('state', req.state);
  return Response.redirect(back, 302);
});
