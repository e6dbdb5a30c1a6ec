-- The edge cache's purge outbox (lib/platform/edge/outbox.ts).
CREATE TABLE "EdgePurge" (
    "id" SERIAL NOT NULL,
    "tags" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EdgePurge_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EdgePurge_nextAttemptAt_idx" ON "EdgePurge"("nextAttemptAt");

-- Revalidations an instance could not record in Redis, for another to record (lib/platform/cache/revalidate.ts).
CREATE TABLE "RevalidationReplay" (
    "id" SERIAL NOT NULL,
    "tag" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevalidationReplay_pkey" PRIMARY KEY ("id")
);
