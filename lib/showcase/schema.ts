import { z } from 'zod';

const MAX_SHOWCASE_ITEMS = 100;

/** TikTok video ids are decimal strings (int64). */
export const videoIdSchema = z.string().regex(/^\d{1,25}$/, 'must be a TikTok video id');

/** The body of PUT /api/showcase, also used by the picker before it sends. */
export const showcaseInputSchema = z.object({
  videoIds: z
    .array(videoIdSchema)
    .max(MAX_SHOWCASE_ITEMS, `a showcase holds at most ${MAX_SHOWCASE_ITEMS} videos`)
    .refine((ids) => new Set(ids).size === ids.length, 'a video can appear only once'),
});

/** A public handle: a TikTok username (letters, digits, `.` and `_`) or the app's own slug. */
export const handleSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'not a handle');

/** Routes named by a creator's handle (`/api/public/showcases/{handle}`, `/api/avatars/{handle}`, …). */
export const handleParamsSchema = z.object({ handle: handleSchema });

/** Routes named by a video (`/api/covers/{videoId}`). */
export const videoParamsSchema = z.object({ videoId: videoIdSchema });

/** The body of PATCH /api/showcase: the Publish / Unpublish switch. */
export const publishInputSchema = z.object({ published: z.boolean() });
