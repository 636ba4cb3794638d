-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "cc" TEXT[] DEFAULT ARRAY[]::TEXT[];
