-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STUDENT', 'TEACHER', 'ADMIN');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'MONTH', 'SEASON', 'YEAR', 'DECADE');

-- CreateEnum
CREATE TYPE "FactStatus" AS ENUM ('FACT', 'REPORTED', 'CLAIM', 'OPINION', 'DISPUTED');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('ENCYCLOPEDIA', 'SEARCH_RESULTS', 'NEWS', 'RESEARCH_PAPER', 'ANALYSIS');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('STATE', 'PERSON', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "QuestionType" AS ENUM ('SINGLE_CHOICE', 'MULTI_SELECT', 'TRUE_FALSE', 'EVENT_YEAR', 'YEAR_EVENT', 'NUMERIC_YEAR', 'CHRONOLOGY', 'WHICH_FIRST', 'WHO_SAID', 'OFFICE_HOLDER', 'MATCHING', 'TIMELINE_PLACEMENT');

-- CreateEnum
CREATE TYPE "QuestionOrigin" AS ENUM ('GENERATED', 'AUTHORED');

-- CreateEnum
CREATE TYPE "ScoringMode" AS ENUM ('ACCURACY', 'SPEED_BONUS');

-- CreateEnum
CREATE TYPE "SetStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('IN_PROGRESS', 'FINISHED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT,
    "displayName" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'STUDENT',
    "passwordHash" TEXT,
    "isGuest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Class" (
    "id" UUID NOT NULL,
    "teacherId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Class_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassMember" (
    "classId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassMember_pkey" PRIMARY KEY ("classId","userId")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Source" (
    "slug" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "author" TEXT,
    "kind" "SourceKind" NOT NULL,
    "publishedLabel" TEXT NOT NULL,
    "publishedFrom" JSONB,
    "publishedTo" JSONB,
    "url" TEXT,
    "reliabilityNote" TEXT NOT NULL,
    "noiseNote" TEXT NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "locator" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Era" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "start" JSONB NOT NULL,
    "end" JSONB,
    "description" TEXT NOT NULL,

    CONSTRAINT "Era_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Theme" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Actor" (
    "slug" TEXT NOT NULL,
    "kind" "ActorKind" NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "aliases" TEXT[],
    "description" TEXT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Office" (
    "id" TEXT NOT NULL,
    "personSlug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "ofSlug" TEXT NOT NULL,
    "knownFrom" DATE,
    "knownUntil" DATE,
    "data" JSONB NOT NULL,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "startsUntil" DATE NOT NULL,
    "endsOn" DATE,
    "precision" "DatePrecision" NOT NULL,
    "eraSlug" TEXT NOT NULL,
    "themes" TEXT[],
    "actorSlugs" TEXT[],
    "citationIds" TEXT[],
    "status" "FactStatus" NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Relation" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subjectSlug" TEXT NOT NULL,
    "objectSlug" TEXT NOT NULL,
    "fromOn" DATE,
    "untilOn" DATE,
    "status" "FactStatus" NOT NULL,
    "citationIds" TEXT[],
    "data" JSONB NOT NULL,

    CONSTRAINT "Relation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" TEXT NOT NULL,
    "speakerSlug" TEXT NOT NULL,
    "words" TEXT NOT NULL,
    "saidOn" DATE,
    "citationId" TEXT NOT NULL,
    "status" "FactStatus" NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "citationId" TEXT NOT NULL,
    "status" "FactStatus" NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" TEXT NOT NULL,
    "origin" "QuestionOrigin" NOT NULL,
    "type" "QuestionType" NOT NULL,
    "template" TEXT NOT NULL,
    "stem" TEXT NOT NULL,
    "prompt" JSONB NOT NULL,
    "key" JSONB NOT NULL,
    "explanation" TEXT NOT NULL,
    "citationIds" TEXT[],
    "factIds" TEXT[],
    "eraSlug" TEXT,
    "themes" TEXT[],
    "actorSlugs" TEXT[],
    "difficulty" DOUBLE PRECISION NOT NULL,
    "authorId" UUID,
    "basedOnId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionSet" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "classId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "SetStatus" NOT NULL DEFAULT 'DRAFT',
    "shareCode" TEXT,
    "scoringMode" "ScoringMode" NOT NULL DEFAULT 'ACCURACY',
    "shuffleQuestions" BOOLEAN NOT NULL DEFAULT false,
    "isPractice" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "QuestionSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionSetItem" (
    "setId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "timeLimitSec" INTEGER,

    CONSTRAINT "QuestionSetItem_pkey" PRIMARY KEY ("setId","position")
);

-- CreateTable
CREATE TABLE "Attempt" (
    "id" UUID NOT NULL,
    "setId" UUID NOT NULL,
    "setVersion" INTEGER NOT NULL,
    "userId" UUID NOT NULL,
    "classId" UUID,
    "status" "AttemptStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "scoringMode" "ScoringMode" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "score" INTEGER NOT NULL DEFAULT 0,
    "maxScore" INTEGER NOT NULL DEFAULT 0,
    "correctCount" INTEGER NOT NULL DEFAULT 0,
    "questionCount" INTEGER NOT NULL,

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttemptItem" (
    "attemptId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "timeLimitSec" INTEGER,
    "presentedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "response" JSONB,
    "isCorrect" BOOLEAN,
    "credit" DOUBLE PRECISION,
    "points" INTEGER,
    "timedOut" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AttemptItem_pkey" PRIMARY KEY ("attemptId","position")
);

-- CreateTable
CREATE TABLE "ReviewCard" (
    "userId" UUID NOT NULL,
    "questionId" TEXT NOT NULL,
    "card" JSONB NOT NULL,
    "due" TIMESTAMP(3) NOT NULL,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewCard_pkey" PRIMARY KEY ("userId","questionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Class_joinCode_key" ON "Class"("joinCode");

-- CreateIndex
CREATE INDEX "Class_teacherId_idx" ON "Class"("teacherId");

-- CreateIndex
CREATE INDEX "ClassMember_userId_idx" ON "ClassMember"("userId");

-- CreateIndex
CREATE INDEX "Citation_sourceSlug_idx" ON "Citation"("sourceSlug");

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE INDEX "Office_personSlug_idx" ON "Office"("personSlug");

-- CreateIndex
CREATE INDEX "Office_ofSlug_role_idx" ON "Office"("ofSlug", "role");

-- CreateIndex
CREATE INDEX "Event_eraSlug_idx" ON "Event"("eraSlug");

-- CreateIndex
CREATE INDEX "Event_startsOn_idx" ON "Event"("startsOn");

-- CreateIndex
CREATE INDEX "Event_themes_idx" ON "Event" USING GIN ("themes");

-- CreateIndex
CREATE INDEX "Event_actorSlugs_idx" ON "Event" USING GIN ("actorSlugs");

-- CreateIndex
CREATE INDEX "Relation_subjectSlug_idx" ON "Relation"("subjectSlug");

-- CreateIndex
CREATE INDEX "Relation_objectSlug_idx" ON "Relation"("objectSlug");

-- CreateIndex
CREATE INDEX "Quote_speakerSlug_idx" ON "Quote"("speakerSlug");

-- CreateIndex
CREATE INDEX "Figure_measures_idx" ON "Figure"("measures");

-- CreateIndex
CREATE INDEX "Question_type_idx" ON "Question"("type");

-- CreateIndex
CREATE INDEX "Question_eraSlug_idx" ON "Question"("eraSlug");

-- CreateIndex
CREATE INDEX "Question_authorId_idx" ON "Question"("authorId");

-- CreateIndex
CREATE INDEX "Question_themes_idx" ON "Question" USING GIN ("themes");

-- CreateIndex
CREATE INDEX "Question_actorSlugs_idx" ON "Question" USING GIN ("actorSlugs");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionSet_shareCode_key" ON "QuestionSet"("shareCode");

-- CreateIndex
CREATE INDEX "QuestionSet_ownerId_idx" ON "QuestionSet"("ownerId");

-- CreateIndex
CREATE INDEX "QuestionSet_classId_idx" ON "QuestionSet"("classId");

-- CreateIndex
CREATE INDEX "QuestionSet_status_publishedAt_idx" ON "QuestionSet"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "QuestionSetItem_questionId_idx" ON "QuestionSetItem"("questionId");

-- CreateIndex
CREATE INDEX "Attempt_setId_status_idx" ON "Attempt"("setId", "status");

-- CreateIndex
CREATE INDEX "Attempt_userId_startedAt_idx" ON "Attempt"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "Attempt_classId_idx" ON "Attempt"("classId");

-- CreateIndex
CREATE INDEX "AttemptItem_questionId_idx" ON "AttemptItem"("questionId");

-- CreateIndex
CREATE INDEX "ReviewCard_userId_due_idx" ON "ReviewCard"("userId", "due");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Class" ADD CONSTRAINT "Class_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassMember" ADD CONSTRAINT "ClassMember_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassMember" ADD CONSTRAINT "ClassMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceSlug_fkey" FOREIGN KEY ("sourceSlug") REFERENCES "Source"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Office" ADD CONSTRAINT "Office_personSlug_fkey" FOREIGN KEY ("personSlug") REFERENCES "Actor"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_eraSlug_fkey" FOREIGN KEY ("eraSlug") REFERENCES "Era"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionSet" ADD CONSTRAINT "QuestionSet_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionSet" ADD CONSTRAINT "QuestionSet_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionSetItem" ADD CONSTRAINT "QuestionSetItem_setId_fkey" FOREIGN KEY ("setId") REFERENCES "QuestionSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionSetItem" ADD CONSTRAINT "QuestionSetItem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_setId_fkey" FOREIGN KEY ("setId") REFERENCES "QuestionSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttemptItem" ADD CONSTRAINT "AttemptItem_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCard" ADD CONSTRAINT "ReviewCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCard" ADD CONSTRAINT "ReviewCard_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;
