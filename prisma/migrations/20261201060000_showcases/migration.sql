-- Several showcases per creator. Each creator's showcase becomes their default, with the creator's
-- id as its own, the same order and the same URLs. Its Publish switch is the creator's old one; a
-- disconnected creator (no connection row) keeps what they had published, shown again when they
-- sign in (User.published stays false until then).
CREATE TABLE "Showcase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rule" TEXT NOT NULL DEFAULT '{"kind":"manual"}',
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Showcase_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Showcase_userId_slug_key" ON "Showcase"("userId", "slug");

INSERT INTO "Showcase" ("id", "userId", "slug", "title", "published", "publishedAt", "isDefault", "position", "createdAt", "updatedAt")
SELECT "id", "id", 'featured', 'Featured videos',
       CASE WHEN EXISTS (SELECT 1 FROM "TikTokConnection" c WHERE c."userId" = "User"."id") THEN "published" ELSE "publishedAt" IS NOT NULL END,
       "publishedAt", true, 0, "createdAt", "updatedAt"
FROM "User";
-- The creator's own switch is now the default showcase's; User.published says only whether the
-- creator is present (false while disconnected).
UPDATE "User" SET "published" = true WHERE EXISTS (SELECT 1 FROM "TikTokConnection" c WHERE c."userId" = "User"."id");

CREATE TABLE "new_ShowcaseItem" (
    "showcaseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "videoId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "linkUrl" TEXT,
    "linkLabel" TEXT,
    "addedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("showcaseId", "videoId"),
    CONSTRAINT "ShowcaseItem_showcaseId_fkey" FOREIGN KEY ("showcaseId") REFERENCES "Showcase" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShowcaseItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ShowcaseItem" ("showcaseId", "userId", "videoId", "position", "addedAt")
SELECT "userId", "userId", "videoId", "position", "addedAt" FROM "ShowcaseItem";
DROP TABLE "ShowcaseItem";
ALTER TABLE "new_ShowcaseItem" RENAME TO "ShowcaseItem";
CREATE UNIQUE INDEX "ShowcaseItem_showcaseId_position_key" ON "ShowcaseItem"("showcaseId", "position");
CREATE INDEX "ShowcaseItem_userId_videoId_idx" ON "ShowcaseItem"("userId", "videoId");

ALTER TABLE "User" DROP COLUMN "publishedAt";
ALTER TABLE "User" ADD COLUMN "videosCheckedAt" DATETIME;
