-- CreateTable
CREATE TABLE "RatedAnswer" (
    "userId" UUID NOT NULL,
    "questionId" TEXT NOT NULL,

    CONSTRAINT "RatedAnswer_pkey" PRIMARY KEY ("userId","questionId")
);

-- CreateIndex
CREATE INDEX "RatedAnswer_questionId_idx" ON "RatedAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "RatedAnswer" ADD CONSTRAINT "RatedAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatedAnswer" ADD CONSTRAINT "RatedAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every answer already given is a first answer already counted (or skipped as timed out).
INSERT INTO "RatedAnswer" ("userId", "questionId")
SELECT DISTINCT a."userId", i."questionId"
FROM "AttemptItem" i JOIN "Attempt" a ON a.id = i."attemptId"
WHERE i."answeredAt" IS NOT NULL
ON CONFLICT DO NOTHING;
