// Video shapes the browser sees (no TikTok field names, no tokens).

export type VideoCard = {
  id: string;
  title: string;
  description: string;
  durationSeconds: number;
  createdAt: string;
  coverUrl: string;
  width: number;
  height: number;
};

export type VideoPageDto = { videos: VideoCard[]; cursor: number | null; hasMore: boolean };

export type ShowcaseEntry = {
  videoId: string;
  position: number;
  title: string;
  description: string;
  durationSeconds: number;
  coverUrl: string;
  available: boolean;
};

/** A showcase video as every public surface shows it (page, embed, share image, JSON API). */
export type PublicVideo = ShowcaseEntry & {
  createdAt: string;
  shareUrl: string;
  viewCount: number | null;
  likeCount: number | null;
};

export type ProblemKind = 'needs_reconnect' | 'rate_limited' | 'unavailable' | 'scope';
