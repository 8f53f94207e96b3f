-- AlterTable
ALTER TABLE "QuestionSet" ADD COLUMN     "allowRetakes" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "isRetake" BOOLEAN NOT NULL DEFAULT false;
