-- DropIndex
DROP INDEX "GradeSnapshot_targetId_day_idx";

-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "grade" TEXT,
ADD COLUMN     "score" DOUBLE PRECISION,
ADD COLUMN     "slot" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "allowPlaintextLogin" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "backupMaxAgeHours" INTEGER,
ADD COLUMN     "caPem" TEXT,
ADD COLUMN     "passwordMaxAgeDays" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "GradeSnapshot_targetId_day_key" ON "GradeSnapshot"("targetId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "Scan_targetId_slot_key" ON "Scan"("targetId", "slot");
