-- Source documents (issue 14): a source's text becomes versions of its document, and an annotation can
-- target a passage of one.

-- AlterEnum
ALTER TYPE "AnnotationTargetType" ADD VALUE 'source_span';

-- CreateTable
CREATE TABLE "SourceVersion" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "pageStarts" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "format" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceVersion_sourceId_version_key" ON "SourceVersion"("sourceId", "version");

-- AddForeignKey
ALTER TABLE "SourceVersion" ADD CONSTRAINT "SourceVersion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceVersion" ADD CONSTRAINT "SourceVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "currentVersion" INTEGER NOT NULL DEFAULT 0;

-- A source's stored text becomes version 1 of its document (no author: nobody is known to have written
-- it as a version); a source without text holds no document.
INSERT INTO "SourceVersion" ("id", "sourceId", "version", "text", "format", "createdAt")
SELECT gen_random_uuid(), "id", 1, "text", 'text', "createdAt" FROM "Source" WHERE "text" <> '';
UPDATE "Source" SET "currentVersion" = 1 WHERE "text" <> '';

-- AlterTable
ALTER TABLE "Source" DROP COLUMN "text";

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "sourceId" UUID,
ADD COLUMN     "sourceVersion" INTEGER,
ADD COLUMN     "quoteStart" INTEGER,
ADD COLUMN     "quoteEnd" INTEGER,
ADD COLUMN     "quoteExact" TEXT,
ADD COLUMN     "quotePrefix" TEXT,
ADD COLUMN     "quoteSuffix" TEXT,
ADD COLUMN     "anchorVersion" INTEGER,
ADD COLUMN     "anchorStart" INTEGER,
ADD COLUMN     "anchorEnd" INTEGER;

-- CreateIndex
CREATE INDEX "Annotation_sourceId_idx" ON "Annotation"("sourceId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
