-- CreateEnum
CREATE TYPE "LiveGamePhase" AS ENUM ('LOBBY', 'QUESTION', 'REVEAL', 'LEADERBOARD', 'PODIUM', 'CANCELLED');

-- CreateTable
CREATE TABLE "LiveGame" (
    "id" UUID NOT NULL,
    "pin" TEXT,
    "setId" UUID NOT NULL,
    "hostId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "phase" "LiveGamePhase" NOT NULL DEFAULT 'LOBBY',
    "seq" INTEGER NOT NULL DEFAULT 0,
    "questionIndex" INTEGER NOT NULL DEFAULT -1,
    "questions" JSONB NOT NULL,
    "openedAt" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
    "pausedRemainingMs" INTEGER,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "speedPoints" BOOLEAN NOT NULL DEFAULT true,
    "showLeaderboard" BOOLEAN NOT NULL DEFAULT true,
    "teamCount" INTEGER NOT NULL DEFAULT 0,
    "hostConnected" BOOLEAN NOT NULL DEFAULT true,
    "hostAwaySince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "boardedAt" TIMESTAMP(3),

    CONSTRAINT "LiveGame_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveGamePlayer" (
    "id" UUID NOT NULL,
    "gameId" UUID NOT NULL,
    "userId" UUID,
    "nickname" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "team" INTEGER,
    "score" INTEGER NOT NULL DEFAULT 0,
    "correctCount" INTEGER NOT NULL DEFAULT 0,
    "answerCount" INTEGER NOT NULL DEFAULT 0,
    "streak" INTEGER NOT NULL DEFAULT 0,
    "bestStreak" INTEGER NOT NULL DEFAULT 0,
    "joinedAt" TIMESTAMP(3) NOT NULL,
    "kickedAt" TIMESTAMP(3),

    CONSTRAINT "LiveGamePlayer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveAnswer" (
    "gameId" UUID NOT NULL,
    "questionIndex" INTEGER NOT NULL,
    "playerId" UUID NOT NULL,
    "response" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "elapsedMs" INTEGER NOT NULL,
    "credit" DOUBLE PRECISION NOT NULL,
    "isCorrect" BOOLEAN NOT NULL,
    "points" INTEGER,

    CONSTRAINT "LiveAnswer_pkey" PRIMARY KEY ("gameId","questionIndex","playerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LiveGame_pin_key" ON "LiveGame"("pin");

-- CreateIndex
CREATE INDEX "LiveGame_hostId_createdAt_idx" ON "LiveGame"("hostId", "createdAt");

-- CreateIndex
CREATE INDEX "LiveGame_setId_idx" ON "LiveGame"("setId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveGamePlayer_tokenHash_key" ON "LiveGamePlayer"("tokenHash");

-- CreateIndex
CREATE INDEX "LiveGamePlayer_gameId_score_idx" ON "LiveGamePlayer"("gameId", "score" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "LiveGamePlayer_gameId_nameKey_key" ON "LiveGamePlayer"("gameId", "nameKey");

-- CreateIndex
CREATE INDEX "LiveAnswer_playerId_idx" ON "LiveAnswer"("playerId");

-- AddForeignKey
ALTER TABLE "LiveGamePlayer" ADD CONSTRAINT "LiveGamePlayer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveAnswer" ADD CONSTRAINT "LiveAnswer_gameId_fkey" FOREIGN KEY ("gameId") REFERENCES "LiveGame"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveAnswer" ADD CONSTRAINT "LiveAnswer_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "LiveGamePlayer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
