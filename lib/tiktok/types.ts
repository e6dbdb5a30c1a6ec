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

export type VideoPage = { videos: TikTokVideo[]; cursor: number | null; hasMore: boolean };

/** A QR session's state in the app's words (TikTok calls a used code `utilised`). */
export type QrStatus = 'new' | 'scanned' | 'confirmed' | 'expired' | 'used';

export type QrCheck = { status: QrStatus; clientTicket: string; code: string | null; state: string | null };
