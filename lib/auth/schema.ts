import { z } from 'zod';

/** `POST /api/auth/logout?everywhere=1` ends every session of the account, on every device. */
export const logoutQuerySchema = z.object({ everywhere: z.enum(['0', '1']).default('0') });
