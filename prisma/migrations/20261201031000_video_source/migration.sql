-- Where a video came from: the Display API (list) or a link checked through oEmbed (link).
ALTER TABLE "Video" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'list';
