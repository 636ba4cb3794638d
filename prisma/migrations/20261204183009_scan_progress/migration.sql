-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "progress" JSONB NOT NULL DEFAULT '[]';
