import { z } from 'zod';

/** The picker's "Load more": the cursor TikTok handed out with the previous page. */
export const recentVideosQuerySchema = z.object({ cursor: z.coerce.number().int().positive().optional() });
