-- When a creator first published; creators already live count as published since they joined.
ALTER TABLE "User" ADD COLUMN "publishedAt" TIMESTAMP(3);
UPDATE "User" SET "publishedAt" = "createdAt" WHERE "published" = true;
