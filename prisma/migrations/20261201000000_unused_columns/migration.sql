-- Columns nothing read (TikTok's width, height and embed_link of each video).
ALTER TABLE "Video" DROP COLUMN "width";
ALTER TABLE "Video" DROP COLUMN "height";
ALTER TABLE "Video" DROP COLUMN "embedLink";

-- QR sessions keep the app's word for a used code, not TikTok's.
UPDATE "QrSession" SET "status" = 'used' WHERE "status" = 'utilised';
