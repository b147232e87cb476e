-- The shift (issue 19): what each analyst has seen, checkpoints of the board's state for "as of" any
-- instant, saved views, and op times that rise with seq.

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "lastSeenSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastSeenAt" TIMESTAMP(3);

-- An op's time is the clock at its insert (under the board row's lock), not its transaction's start.
-- AlterTable
ALTER TABLE "Op" ALTER COLUMN "createdAt" SET DEFAULT clock_timestamp();

-- CreateIndex
CREATE INDEX "Op_boardId_createdAt_idx" ON "Op"("boardId", "createdAt");

-- CreateTable
CREATE TABLE "BoardCheckpoint" (
    "boardId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "origin" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BoardCheckpoint_pkey" PRIMARY KEY ("boardId","seq")
);

-- CreateIndex
CREATE INDEX "BoardCheckpoint_boardId_at_idx" ON "BoardCheckpoint"("boardId", "at");

-- AddForeignKey
ALTER TABLE "BoardCheckpoint" ADD CONSTRAINT "BoardCheckpoint_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "SavedView" (
    "id" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_boardId_name_key" ON "SavedView"("boardId", "name");

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "Board"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
