-- AlterEnum
ALTER TYPE "QuestionType" ADD VALUE 'SHORT_ANSWER';

-- AlterTable
ALTER TABLE "AttemptItem" ADD COLUMN     "grading" JSONB;
