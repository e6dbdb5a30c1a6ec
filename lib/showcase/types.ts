// Showcase shapes the browser sees (no TikTok field names, no tokens, no internal ids).

import type { ImageSources } from '../images/sources';

/** A copy of a picture on the app's own origin: src, srcset and the colour shown while it loads. */
export type PictureSources = ImageSources;

export type ShowcaseEntry = {
  videoId: string;
  position: number;
  title: string;
  description: string;
  durationSeconds: number;
  coverUrl: string;
  available: boolean;
  /** Put first by the creator (in a rule showcase; every video of a manual one is the creator's pick). */
  pinned: boolean;
  /** TikTok marks it AI-generated (is_aigc): public surfaces label it. */
  aiGenerated: boolean;
  /** The creator's call to action under the video (https only). */
  link: { url: string; label: string } | null;
};

/** A showcase video as every public surface shows it (page, embed, share image, JSON API). */
export type PublicVideo = ShowcaseEntry & {
  createdAt: string;
  shareUrl: string;
  viewCount: number | null;
  likeCount: number | null;
  /** The app's copy of the cover; null: none yet, the placeholder shows. */
  cover: PictureSources | null;
};
