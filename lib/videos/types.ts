// Video shapes the browser sees (no TikTok field names, no tokens).

export type VideoCard = {
  id: string;
  title: string;
  description: string;
  durationSeconds: number;
  createdAt: string;
  coverUrl: string;
  /** TikTok's AI-generated content mark. */
  aiGenerated: boolean;
};

export type VideoPageDto = { videos: VideoCard[]; cursor: number | null; hasMore: boolean };
