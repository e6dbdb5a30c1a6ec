import 'server-only';
import type { CallbackFailure } from '../auth/oauth';
import { PROBLEMS } from '../platform/http/problems';

/** What a person reads when a sign-in ends at one of the OAuth callbacks without a session. */
export const SIGN_IN_FAILURES: Record<CallbackFailure, { title: string; message: string; status: number }> = {
  invalid_state: {
    title: 'That sign-in link has expired',
    message: 'For your safety, each sign-in link works once and only in the browser that started it. Please start again.',
    status: 400,
  },
  access_denied: {
    title: 'You cancelled the TikTok sign-in',
    message: 'No problem: nothing was shared with Showreel. You can try again whenever you like.',
    status: 400,
  },
  invalid_scope: {
    title: 'Sign-in is misconfigured',
    message:
      "This isn't your fault: Showreel asked TikTok for permissions TikTok hasn't approved for this site, so TikTok stopped the sign-in. Nothing was created. The site's operator has been told; please try again later.",
    status: 503,
  },
  oauth_error: { title: 'TikTok could not sign you in', message: 'TikTok reported a problem with this sign-in. Please try again.', status: 400 },
  missing_code: { title: 'TikTok did not finish the sign-in', message: 'The answer from TikTok was incomplete. Please try again.', status: 400 },
  exchange_failed: { title: 'TikTok could not sign you in', message: 'The sign-in could not be completed. Please try again.', status: 400 },
  tiktok_unavailable: { title: 'TikTok is busy', message: PROBLEMS.unavailable.text, status: 503 },
  needs_basic_scope: {
    title: 'Showreel needs your basic profile',
    message: 'Please allow access to your profile info (avatar and display name) so Showreel can sign you in.',
    status: 400,
  },
};
