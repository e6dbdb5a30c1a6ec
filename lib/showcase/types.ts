// Showcase shapes the browser sees (no TikTok field names, no tokens, no internal ids).

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
