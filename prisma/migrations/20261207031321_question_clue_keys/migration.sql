-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "clueKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];
