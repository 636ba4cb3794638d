-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "digest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "digestedIntoId" UUID,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'alert',
ADD COLUMN     "severity" TEXT,
ADD COLUMN     "targetId" UUID;

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Outbox_digest_status_idx" ON "Outbox"("digest", "status");

-- CreateIndex
CREATE INDEX "Outbox_createdAt_idx" ON "Outbox"("createdAt");
