import { z } from 'zod';

/** Every field of a video object the Display API documents (video/list and video/query take a subset). */
export const TIKTOK_VIDEO_FIELDS = [
  'id',
  'create_time',
  'cover_image_url',
  'share_url',
  'video_description',
  'duration',
  'height',
  'width',
  'title',
  'embed_html',
  'embed_link',
  'like_count',
  'comment_count',
  'share_count',
  'view_count',
  'is_aigc',
] as const;

// TikTok's wire format, as TikTok for Developers documents it (Login Kit, Display API, QR login). Unknown fields pass through
// untouched; missing optional ones become null in lib/tiktok/client.ts.

export const tokenSuccess = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number(),
  open_id: z.string().min(1),
  refresh_token: z.string().min(1),
  refresh_expires_in: z.coerce.number(),
  scope: z.string(),
  token_type: z.string().optional(),
});

export const tokenError = z.object({
  error: z.string().min(1),
  error_description: z.string().optional().default(''),
  log_id: z.string().optional(),
});

export const apiError = z.object({
  code: z.string(),
  message: z.string().optional().default(''),
  log_id: z.string().optional(),
});

export const envelope = z.object({ data: z.unknown().optional(), error: apiError });

export const user = z.object({
  open_id: z.string(),
  union_id: z.string().optional(),
  avatar_url: z.string().optional(),
  avatar_url_100: z.string().optional(),
  avatar_large_url: z.string().optional(),
  display_name: z.string().optional(),
  bio_description: z.string().optional(),
  profile_deep_link: z.string().optional(),
  is_verified: z.boolean().optional(),
  username: z.string().optional(),
});

export const userData = z.object({ user });

export const video = z.object({
  id: z.string(),
  create_time: z.coerce.number().optional(),
  cover_image_url: z.string().optional(),
  share_url: z.string().optional(),
  video_description: z.string().optional(),
  duration: z.coerce.number().optional(),
  height: z.coerce.number().optional(),
  width: z.coerce.number().optional(),
  title: z.string().optional(),
  embed_link: z.string().optional(),
  view_count: z.coerce.number().int().nonnegative().optional(),
  like_count: z.coerce.number().int().nonnegative().optional(),
  /** TikTok marks AI-generated content (AIGC). */
  is_aigc: z.boolean().optional(),
});

export const videoListData = z.object({
  videos: z.array(video).default([]),
  cursor: z.coerce.number().optional(),
  has_more: z.boolean().default(false),
});

export const qrcodeData = z.object({ scan_qrcode_url: z.string().min(1), token: z.string().min(1) });

export const checkQrcodeData = z.object({
  status: z.enum(['new', 'scanned', 'confirmed', 'expired', 'utilised']),
  client_ticket: z.string().optional().default(''),
  redirect_uri: z.string().optional(),
  code: z.string().optional(),
  state: z.string().optional(),
});

/**
 * TikTok's public oEmbed answer (`https://www.tiktok.com/oembed?url=…`). `author_unique_id` is the
 * username; `embed_product_id` the video id; `thumbnail_url` a signed CDN URL that expires.
 */
export const oembed = z.object({
  title: z.string().optional().default(''),
  author_name: z.string().optional().default(''),
  author_url: z.string().optional(),
  author_unique_id: z.string().min(1),
  embed_product_id: z.string().min(1),
  thumbnail_url: z.string().optional(),
  thumbnail_width: z.coerce.number().optional(),
  thumbnail_height: z.coerce.number().optional(),
  html: z.string().optional(),
  provider_name: z.string().optional(),
});

export type WireVideo = z.infer<typeof video>;
