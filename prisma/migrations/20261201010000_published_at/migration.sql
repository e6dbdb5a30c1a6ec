-- When a creator first published; creators already live count as published since they joined.
ALTER TABLE "User" ADD COLUMN "publishedAt" DATETIME;
UPDATE "User" SET "publishedAt" = "createdAt" WHERE "published" = 1;
