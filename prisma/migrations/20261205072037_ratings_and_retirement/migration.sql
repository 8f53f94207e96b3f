-- CreateEnum
CREATE TYPE "RetiredReason" AS ENUM ('FACTS_CHANGED', 'GATE_BLOCKED');

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "replacementId" TEXT,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "retiredNote" TEXT,
ADD COLUMN     "retiredReason" "RetiredReason";

-- CreateTable
CREATE TABLE "ItemRating" (
    "questionId" TEXT NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "answerCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemRating_pkey" PRIMARY KEY ("questionId")
);

-- CreateTable
CREATE TABLE "PlayerRating" (
    "userId" UUID NOT NULL,
    "ability" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "answerCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlayerRating_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "Question_retiredAt_idx" ON "Question"("retiredAt");

-- AddForeignKey
ALTER TABLE "ItemRating" ADD CONSTRAINT "ItemRating_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlayerRating" ADD CONSTRAINT "PlayerRating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
