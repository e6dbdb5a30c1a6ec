import { z } from 'zod';

/** `GET /api/cron/sync?all=1` syncs every account, not only those that are due. */
export const cronQuerySchema = z.object({ all: z.string().optional() });
