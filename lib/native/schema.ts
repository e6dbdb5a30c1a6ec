import { z } from 'zod';

/** POST /api/auth/handoff, shared with the /auth page that sends it. */
export const handoffInputSchema = z.object({ handoff: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a handoff code') });
