-- Insights: daily rollups per showcase, per video and per referring host; the day's visitor hashes
-- and salt when Redis does not keep them; the Redis batches already added (lib/insights).

CREATE TABLE "InsightsDay" (
    "showcaseId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,
    "visitors" INTEGER NOT NULL DEFAULT 0,
    "plays" INTEGER NOT NULL DEFAULT 0,
    "linkClicks" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("showcaseId", "day")
);

CREATE INDEX "InsightsDay_day_idx" ON "InsightsDay"("day");

CREATE TABLE "InsightsVideo" (
    "showcaseId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "videoId" TEXT NOT NULL,
    "plays" INTEGER NOT NULL DEFAULT 0,
    "linkClicks" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("showcaseId", "day", "videoId")
);

CREATE INDEX "InsightsVideo_day_idx" ON "InsightsVideo"("day");

CREATE TABLE "InsightsSource" (
    "showcaseId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("showcaseId", "day", "host")
);

CREATE INDEX "InsightsSource_day_idx" ON "InsightsSource"("day");

CREATE TABLE "InsightsVisitor" (
    "day" TEXT NOT NULL,
    "showcaseId" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    PRIMARY KEY ("day", "showcaseId", "hash")
);

CREATE TABLE "InsightsSalt" (
    "day" TEXT NOT NULL,
    "salt" TEXT NOT NULL,

    PRIMARY KEY ("day")
);

CREATE TABLE "InsightsFlush" (
    "id" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("id")
);

CREATE INDEX "InsightsFlush_at_idx" ON "InsightsFlush"("at");
