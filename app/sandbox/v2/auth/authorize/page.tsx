import { redirect } from 'next/navigation';
import { REQUIRED_SCOPES, readAuthorizeRequest, unapprovedScopeRedirect, validateAuthorize } from '@/lib/sandbox';
import { AccountDecision } from '../../../_components/account-decision';

type Search = Record<string, string | string[] | undefined>;

const DESCRIPTIONS: Record<string, string> = {
  'user.info.basic': 'Your profile info (avatar and display name)',
  'user.info.profile': 'Your username, bio and verified status',
  'user.info.stats': 'Your follower, like and video counts',
  'video.list': 'Your public videos',
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The sandbox's consent screen, shaped after TikTok's: required scopes fixed, the rest toggleable. */
export default async function AuthorizePage({ searchParams }: { searchParams: Promise<Search> }) {
  const q = await searchParams;
  const request = readAuthorizeRequest((name) => one(q[name]));
  const { scopes } = request;
  const problem = validateAuthorize(request);
  if (problem) {
    return (
      <section className="sbx-card sbx-error" role="alert">
        <h1>Something went wrong</h1>
        <p>This app&apos;s authorization request is invalid: {problem}</p>
      </section>
    );
  }
  const refused = unapprovedScopeRedirect(request);
  if (refused) redirect(refused);
  return (
    <form className="sbx-card" method="post" action="/sandbox/v2/auth/authorize/decide">
      <h1>Showreel would like to access your TikTok account</h1>
      <p>Choose what Showreel may see. You can change this at any time in your TikTok settings.</p>
      <ul className="sbx-scopes">
        {scopes.map((s) => {
          const required = REQUIRED_SCOPES.includes(s);
          return (
            <li key={s}>
              <label htmlFor={`scope-${s}`}>
                {DESCRIPTIONS[s] ?? s}
                <small>
                  {s}
                  {required ? ' · required' : ''}
                </small>
              </label>
              <input id={`scope-${s}`} type="checkbox" name="granted" value={s} defaultChecked disabled={required} aria-label={s} />
              {required && <input type="hidden" name="granted" value={s} />}
            </li>
          );
        })}
      </ul>
      {(['client_key', 'redirect_uri', 'state', 'scope', 'code_challenge', 'code_challenge_method'] as const).map((k) => (
        <input key={k} type="hidden" name={k} value={one(q[k])} />
      ))}
      <AccountDecision name="decision" confirm={{ value: 'authorize', label: 'Authorize' }} />
    </form>
  );
}
