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

// Several showcases (lib/showcase/showcases.ts): one schema per input, shared by the dashboard's
// forms and the routes, so the browser refuses what the server would, in the same words.

/** How many showcases a creator may have. */
export const MAX_SHOWCASES = 20;
/** Pinned videos of a rule showcase; a manual one lists up to MAX_SHOWCASE_ITEMS. */
export const MAX_PINNED = 20;
/** Videos given by their TikTok link in one save of a showcase's items. */
export const MAX_LINKS_PER_SAVE = 20;
/** The newest videos a rule looks at: five pages of video/list, so a sync stays a few calls. */
export const RULE_CANDIDATES = 100;

/** Path segments a showcase cannot take: they name routes under /u/{handle}/ or would read as one. */
export const RESERVED_SLUGS = ['share-image', 'embed', 'api', 'watch', 'insights', 'edit', 'new', 'settings', 'feed', 'rss', 'sitemap', 'robots'];

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'use 1 to 40 lowercase letters, digits and hyphens, not starting or ending with a hyphen')
  .refine((s) => !RESERVED_SLUGS.includes(s), 'is a reserved word: choose another');

export const titleSchema = z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters');
export const descriptionSchema = z.string().trim().max(300, 'must be at most 300 characters');

const countSchema = z
  .number({ error: 'must be a number from 1 to 50' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(50, 'must be at most 50');
/** A hashtag, with or without its `#`, stored without it and in lower case (matching ignores case). */
export const tagSchema = z
  .string()
  .trim()
  .transform((t) => t.replace(/^#/, '').toLowerCase())
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, 'must be one hashtag: letters, digits and underscores'));
const excludeAiGenerated = z.boolean().default(false);

/** What decides a showcase's videos; pinned videos come first in every rule. */
export const ruleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('manual'), excludeAiGenerated }),
    z.object({ kind: z.literal('latest'), count: countSchema, excludeAiGenerated }),
    z.object({ kind: z.literal('top'), count: countSchema, by: z.enum(['views', 'likes']).default('views'), excludeAiGenerated }),
    z.object({ kind: z.literal('hashtag'), count: countSchema, tag: tagSchema, excludeAiGenerated }),
  ],
  { error: 'kind must be one of manual, latest, top, hashtag' },
);
export type Rule = z.infer<typeof ruleSchema>;
export const MANUAL_RULE: Rule = { kind: 'manual', excludeAiGenerated: false };

/** A call to action under a video: an https link and its words. */
export const linkSchema = z.object({
  url: z
    .string()
    .max(2048, 'must be at most 2,048 characters')
    .refine((u) => URL.canParse(u) && new URL(u).protocol === 'https:', 'must be an https:// URL'),
  label: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters').default('Learn more'),
});
export type ShowcaseLink = z.infer<typeof linkSchema>;

export const showcaseCreateSchema = z.object({
  title: titleSchema,
  slug: slugSchema.optional(),
  description: descriptionSchema.default(''),
  rule: ruleSchema.default(MANUAL_RULE),
  published: z.boolean().default(false),
});

export const showcasePatchSchema = z
  .object({
    title: titleSchema,
    slug: slugSchema,
    description: descriptionSchema,
    rule: ruleSchema,
    published: z.boolean(),
    position: z
      .number()
      .int()
      .min(0)
      .max(MAX_SHOWCASES - 1),
    isDefault: z.literal(true, { error: 'can only be set to true: make another showcase the default instead' }),
  })
  .partial();

/** One video of a showcase: by its id, or by its TikTok link (checked through oEmbed, for creators without video.list). */
export const itemInputSchema = z
  .object({
    videoId: videoIdSchema.optional(),
    url: z.string().trim().min(1).max(2048, 'must be at most 2,048 characters').optional(),
    link: linkSchema.optional(),
  })
  .refine((i) => (i.videoId === undefined) !== (i.url === undefined), 'give either videoId or url');

/** The body of PUT /api/showcases/{id}/items: the whole list (manual) or the pinned videos (rules). */
export const itemsInputSchema = z.object({
  items: z
    .array(itemInputSchema)
    .max(MAX_SHOWCASE_ITEMS, `a showcase holds at most ${MAX_SHOWCASE_ITEMS} videos`)
    .refine((items) => {
      const ids = items.flatMap((i) => i.videoId ?? []);
      return new Set(ids).size === ids.length;
    }, 'a video can appear only once')
    // Each link costs TikTok an oEmbed call (and a short link's resolution): as many as "Add by link" allows a minute.
    .refine((items) => items.filter((i) => i.url !== undefined).length <= MAX_LINKS_PER_SAVE, `at most ${MAX_LINKS_PER_SAVE} videos by link in one save`),
});

/** Routes named by a showcase id (`/api/showcases/{id}`). */
export const showcaseParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** Public routes of a showcase that is not the default (`/u/{handle}/{slug}`). */
export const showcasePathSchema = z.object({ handle: handleSchema, slug: slugSchema });

/** The body of POST /api/showcases/preview: a rule and the videos pinned before its picks. */
export const previewInputSchema = z.object({ rule: ruleSchema, pinned: z.array(videoIdSchema).max(MAX_PINNED).default([]) });
