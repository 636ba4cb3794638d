-- AlterTable
ALTER TABLE "Target" ADD COLUMN     "tlsPinSha256" TEXT,
ADD COLUMN     "tlsServerName" TEXT;
