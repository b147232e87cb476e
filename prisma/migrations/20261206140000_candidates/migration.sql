-- Candidates (issue 15): dates, figures and names proposed from a document version, confirmed into events
-- and observations with their passage kept as evidence; events gain an Admiralty grade like observations.

-- CreateEnum
CREATE TYPE "CandidateKind" AS ENUM ('date', 'figure', 'name');

-- CreateEnum
CREATE TYPE "CandidateStatus" AS ENUM ('proposed', 'confirmed', 'rejected');

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "sourceReliability" "SourceReliability",
ADD COLUMN     "infoCredibility" INTEGER;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "evidenceEventId" UUID,
ADD COLUMN     "evidenceObservationId" UUID;

-- CreateTable
CREATE TABLE "Candidate" (
    "id" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "CandidateKind" NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "sentenceStart" INTEGER NOT NULL,
    "sentenceEnd" INTEGER NOT NULL,
    "meaning" JSONB NOT NULL,
    "anchorVersion" INTEGER NOT NULL,
    "anchorStart" INTEGER,
    "anchorEnd" INTEGER,
    "status" "CandidateStatus" NOT NULL DEFAULT 'proposed',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "eventId" UUID,
    "observationId" UUID,
    "evidenceAnnotationId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_sourceId_version_kind_start_end_key" ON "Candidate"("sourceId", "version", "kind", "start", "end");

-- CreateIndex
CREATE INDEX "Candidate_sourceId_anchorVersion_idx" ON "Candidate"("sourceId", "anchorVersion");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_evidenceEventId_fkey" FOREIGN KEY ("evidenceEventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_evidenceObservationId_fkey" FOREIGN KEY ("evidenceObservationId") REFERENCES "Observation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_observationId_fkey" FOREIGN KEY ("observationId") REFERENCES "Observation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_evidenceAnnotationId_fkey" FOREIGN KEY ("evidenceAnnotationId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
