-- CreateTable
CREATE TABLE "LeaderboardEntry" (
    "boardKey" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "achievedAt" TIMESTAMP(3) NOT NULL,
    "attemptId" UUID,
    "attemptCount" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "LeaderboardEntry_pkey" PRIMARY KEY ("boardKey","userId")
);

-- CreateTable
CREATE TABLE "LeaderboardCount" (
    "boardKey" TEXT NOT NULL,
    "level" SMALLINT NOT NULL,
    "score" INTEGER NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "LeaderboardCount_pkey" PRIMARY KEY ("boardKey","level","score","bucket")
);

-- CreateIndex
CREATE INDEX "LeaderboardEntry_boardKey_score_achievedAt_userId_idx" ON "LeaderboardEntry"("boardKey", "score" DESC, "achievedAt", "userId");

-- CreateIndex
CREATE INDEX "LeaderboardEntry_userId_idx" ON "LeaderboardEntry"("userId");

-- CreateIndex
CREATE INDEX "Attempt_userId_setId_status_idx" ON "Attempt"("userId", "setId", "status");

-- AddForeignKey
ALTER TABLE "LeaderboardEntry" ADD CONSTRAINT "LeaderboardEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
