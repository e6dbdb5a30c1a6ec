import { issueCode, readAuthorizeRequest, validateAuthorize } from '@/lib/sandbox';
import { SandboxFull } from '@/lib/sandbox/accounts';
import { isSandboxUsername } from '@/lib/sandbox/creators';
import { formOf, sandboxRoute } from '@/lib/sandbox/http';

/** The consent form's answer: back to the app's redirect_uri with a code, or with access_denied. */
export const POST = sandboxRoute(async (request: Request) => {
  const f = await formOf(request);
  // The consent page only posts requests it has already validated with response_type=code.
  const req = readAuthorizeRequest((name) => (name === 'response_type' ? 'code' : (f.get(name) ?? '')));
  const requested = req.scopes;
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
  let code: string;
  try {
    code = issueCode({ username, scopes: granted, redirectUri: req.redirectUri, challenge: req.codeChallenge });
  } catch (e) {
    if (e instanceof SandboxFull) return new Response(`${e.message} Sign in with an existing sandbox username.`, { status: 409 });
    throw e;
  }
  back.searchParams.set('code', code);
  back.searchParams.set('scopes', granted.join(','));
  back.searchParams.set('state', req.state);
  return Response.redirect(back, 302);
});
