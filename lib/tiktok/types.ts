// App-facing shapes. Nothing outside lib/tiktok sees TikTok's field names.

export type TokenSet = {
  accessToken: string;
  refreshToken: string;
  openId: string;
  scopes: string[];
  accessExpiresAt: Date;
  refreshExpiresAt: Date;
};

export type TikTokProfile = {
  openId: string;
  unionId: string | null;
  displayName: string;
  avatarUrl: string | null;
  username: string | null;
};

export type TikTokVideo = {
  id: string;
  title: string;
  description: string;
  durationSeconds: number;
  createdAt: Date;
  coverUrl: string;
  coverExpiresAt: Date;
  shareUrl: string;
  /** Public counts; null when TikTok did not send them. */
  viewCount: number | null;
  likeCount: number | null;
  /** TikTok's AI-generated content mark (is_aigc). */
  aiGenerated: boolean;
};

/** What TikTok's public oEmbed says about a video: no token needed, so no counts and no AI mark. */
export type TikTokOEmbed = {
  videoId: string;
  title: string;
  authorName: string;
  /** The author's TikTok username (author_unique_id). */
  authorUsername: string;
  /** A signed CDN URL of the thumbnail, or '' when TikTok sent none. */
  thumbnailUrl: string;
  thumbnailExpiresAt: Date;
};

export type VideoPage = { videos: TikTokVideo[]; cursor: number | null; hasMore: boolean };

/** A QR session's state in the app's words (TikTok calls a used code `utilised`). */
export type QrStatus = 'new' | 'scanned' | 'confirmed' | 'expired' | 'used';

export type QrCheck = { status: QrStatus; clientTicket: string; code: string | null; state: string | null };
