-- AlterTable
ALTER TABLE "CheckState" ADD COLUMN     "cap" TEXT;

-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "failingCritical" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failingHigh" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failingLow" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failingMedium" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "gradeWithExceptions" TEXT,
ADD COLUMN     "scoreWithExceptions" DOUBLE PRECISION;

-- CreateIndex
CREATE INDEX "Target_score_idx" ON "Target"("score");
