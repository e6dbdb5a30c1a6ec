-- AlterTable
ALTER TABLE "Video" ADD COLUMN "viewCount" BIGINT;
ALTER TABLE "Video" ADD COLUMN "likeCount" BIGINT;
