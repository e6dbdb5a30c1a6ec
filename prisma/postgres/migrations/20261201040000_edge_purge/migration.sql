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
