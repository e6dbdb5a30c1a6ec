-- The edge cache's purge outbox (lib/platform/edge/outbox.ts).
CREATE TABLE "EdgePurge" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tags" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE INDEX "EdgePurge_nextAttemptAt_idx" ON "EdgePurge"("nextAttemptAt");

-- Revalidations an instance could not record in Redis, for another to record (lib/platform/cache/revalidate.ts).
CREATE TABLE "RevalidationReplay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tag" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
