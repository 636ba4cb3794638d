-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "caps" JSONB,
ADD COLUMN     "capsWithExceptions" JSONB,
ADD COLUMN     "gradeRank" INTEGER,
ADD COLUMN     "scoreGrade" TEXT,
ADD COLUMN     "scoreGradeWithExceptions" TEXT;

-- CreateIndex
CREATE INDEX "Target_gradeRank_score_idx" ON "Target"("gradeRank", "score");
