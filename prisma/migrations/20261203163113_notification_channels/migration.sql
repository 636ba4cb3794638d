-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "alertKey" TEXT,
ADD COLUMN     "channelId" UUID,
ADD COLUMN     "checkId" TEXT,
ADD COLUMN     "event" TEXT,
ADD COLUMN     "payload" JSONB,
ADD COLUMN     "responseStatus" INTEGER;

-- CreateTable
CREATE TABLE "NotificationChannel" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "url" TEXT,
    "secretCiphertext" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "kinds" TEXT[],
    "minSeverity" TEXT NOT NULL DEFAULT 'low',
    "environments" TEXT[],
    "teams" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationChannel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationChannel_name_key" ON "NotificationChannel"("name");

-- CreateIndex
CREATE INDEX "NotificationChannel_keyId_idx" ON "NotificationChannel"("keyId");

-- CreateIndex
CREATE INDEX "Outbox_channelId_status_idx" ON "Outbox"("channelId", "status");

-- CreateIndex
CREATE INDEX "Outbox_targetId_checkId_event_idx" ON "Outbox"("targetId", "checkId", "event");

-- AddForeignKey
ALTER TABLE "Outbox" ADD CONSTRAINT "Outbox_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "NotificationChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;
