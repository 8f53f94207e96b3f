-- CreateTable
CREATE TABLE "KnowledgeRecord" (
    "collection" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "KnowledgeRecord_pkey" PRIMARY KEY ("collection","id")
);
