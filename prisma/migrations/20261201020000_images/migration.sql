-- Own the pictures: copies of covers and avatars, and which copy each video and creator shows.
ALTER TABLE "User" ADD COLUMN "avatarHash" TEXT;
ALTER TABLE "User" ADD COLUMN "avatarSource" TEXT;
ALTER TABLE "Video" ADD COLUMN "coverHash" TEXT;
ALTER TABLE "Video" ADD COLUMN "coverSource" TEXT;

CREATE TABLE "Image" (
    "hash" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("hash", "width")
);

CREATE INDEX "Image_createdAt_idx" ON "Image"("createdAt");
