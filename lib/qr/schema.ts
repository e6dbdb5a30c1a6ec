import { z } from 'zod';

/** A QR sign-in is named by the id the start handed this browser. */
export const qrParamsSchema = z.object({ id: z.uuid() });
