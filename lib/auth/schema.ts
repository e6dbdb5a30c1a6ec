import { z } from 'zod';

/** base64url(SHA-256(verifier)), 43 characters: the only challenge method accepted (S256). */
export const s256ChallengeSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'handoff_challenge must be base64url(SHA-256(verifier)), 43 characters (S256)');

/** A same-origin path: starts with one "/", no scheme, no protocol-relative or backslash tricks. */
const returnToSchema = z
  .string()
  .max(512)
  .refine((v) => /^\/(?![/\\])[^\s]*$/.test(v), 'must be a same-origin path');

/** The query of GET /api/auth/tiktok. A bad returnTo is ignored rather than refused. */
export const startQuerySchema = z.object({
  platform: z.enum(['web', 'native']).default('web'),
  scheme: z
    .string()
    .regex(/^[a-z][a-z0-9+.-]{0,31}$/, 'scheme must be a URL scheme like "myapp"')
    .optional(),
  returnTo: returnToSchema.optional().catch(undefined),
  /** Native only, and required there: the app's proof that it, and only it, can redeem the handoff. */
  handoff_challenge: s256ChallengeSchema.optional(),
});

/** `POST /api/auth/logout?everywhere=1` ends every session of the account, on every device. */
export const logoutQuerySchema = z.object({ everywhere: z.enum(['0', '1']).default('0') });
