import { z } from 'zod';

/** The picker's "Load more": the cursor TikTok handed out with the previous page. */
export const recentVideosQuerySchema = z.object({ cursor: z.coerce.number().int().positive().optional() });

/** The body of POST /api/videos/by-link: a pasted TikTok link (checked in lib/tiktok/links.ts). */
export const byLinkInputSchema = z.object({ url: z.string().trim().min(1, 'paste a TikTok video link').max(2048, 'that link is too long') });
