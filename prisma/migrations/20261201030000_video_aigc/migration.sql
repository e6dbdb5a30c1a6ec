-- TikTok's AI-generated content mark (is_aigc), stored with each video.
ALTER TABLE "Video" ADD COLUMN "aiGenerated" BOOLEAN NOT NULL DEFAULT false;
