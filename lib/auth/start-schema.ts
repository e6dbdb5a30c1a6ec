import { z } from 'zod';
import { handoffChallengeSchema } from '../native/schema';
import { returnToSchema } from './return-to';

/** The query of GET /api/auth/tiktok. A bad returnTo is ignored rather than refused. */
export const startQuerySchema = z.object({
  platform: z.enum(['web', 'native']).default('web'),
  scheme: z
    .string()
    .regex(/^[a-z][a-z0-9+.-]{0,31}$/, 'scheme must be a URL scheme like "myapp"')
    .optional(),
  returnTo: returnToSchema.optional().catch(undefined),
  /** Native only, and required there: the app's proof that it, and only it, can redeem the handoff. */
  handoff_challenge: handoffChallengeSchema.optional(),
});
