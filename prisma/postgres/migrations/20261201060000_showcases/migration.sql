-- Several showcases per creator. Each creator's showcase becomes their default, with the creator's
-- id as its own, the same order and the same URLs. Its Publish switch is the creator's old one; a
-- disconnected creator (no connection row) keeps what they had published, shown again when they
-- sign in (User.published stays false until then).
CREATE TABLE "Showcase" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rule" TEXT NOT NULL DEFAULT '{"kind":"manual"}',
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Showcase_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Showcase_userId_slug_key" ON "Showcase"("userId", "slug");
ALTER TABLE "Showcase" ADD CONSTRAINT "Showcase_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "Showcase" ("id", "userId", "slug", "title", "published", "publishedAt", "isDefault", "position", "createdAt", "updatedAt")
SELECT u."id", u."id", 'featured', 'Featured videos',
       CASE WHEN EXISTS (SELECT 1 FROM "TikTokConnection" c WHERE c."userId" = u."id") THEN u."published" ELSE u."publishedAt" IS NOT NULL END,
       u."publishedAt", true, 0, u."createdAt", u."updatedAt"
FROM "User" u;
-- The creator's own switch is now the default showcase's; User.published says only whether the
-- creator is present (false while disconnected).
UPDATE "User" SET "published" = true WHERE EXISTS (SELECT 1 FROM "TikTokConnection" c WHERE c."userId" = "User"."id");

ALTER TABLE "ShowcaseItem" ADD COLUMN "showcaseId" TEXT;
UPDATE "ShowcaseItem" SET "showcaseId" = "userId";
ALTER TABLE "ShowcaseItem" ALTER COLUMN "showcaseId" SET NOT NULL;
ALTER TABLE "ShowcaseItem" ADD COLUMN "pinned" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "ShowcaseItem" ADD COLUMN "linkUrl" TEXT;
ALTER TABLE "ShowcaseItem" ADD COLUMN "linkLabel" TEXT;
ALTER TABLE "ShowcaseItem" DROP CONSTRAINT "ShowcaseItem_pkey";
ALTER TABLE "ShowcaseItem" ADD CONSTRAINT "ShowcaseItem_pkey" PRIMARY KEY ("showcaseId", "videoId");
DROP INDEX "ShowcaseItem_userId_position_key";
CREATE UNIQUE INDEX "ShowcaseItem_showcaseId_position_key" ON "ShowcaseItem"("showcaseId", "position");
CREATE INDEX "ShowcaseItem_userId_videoId_idx" ON "ShowcaseItem"("userId", "videoId");
ALTER TABLE "ShowcaseItem" ADD CONSTRAINT "ShowcaseItem_showcaseId_fkey" FOREIGN KEY ("showcaseId") REFERENCES "Showcase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "User" DROP COLUMN "publishedAt";
ALTER TABLE "User" ADD COLUMN "videosCheckedAt" TIMESTAMP(3);
