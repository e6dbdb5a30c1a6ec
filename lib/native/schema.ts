import { z } from 'zod';

/** A PKCE verifier as RFC 7636 defines it: 43 to 128 unreserved characters. */
export const handoffVerifierSchema = z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/, 'verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~');

/**
 * POST /api/auth/handoff, shared with the /auth page that sends it. The verifier is checked by the
 * route after the code is claimed (a missing or wrong one burns the code), so it is optional here.
 */
export const handoffInputSchema = z.object({
  handoff: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a handoff code'),
  verifier: z.string().max(200).optional(),
  /** Sent only after the person chose, on /auth, to leave the account this browser is signed in to. */
  confirm: z.boolean().optional(),
});
