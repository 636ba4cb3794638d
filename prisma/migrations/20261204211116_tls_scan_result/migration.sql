-- CreateTable
CREATE TABLE "TlsScanResult" (
    "targetId" UUID NOT NULL,
    "port" INTEGER NOT NULL,
    "leafSha256" TEXT NOT NULL,
    "serverVersion" TEXT,
    "scannedAt" TIMESTAMP(3) NOT NULL,
    "result" JSONB NOT NULL,

    CONSTRAINT "TlsScanResult_pkey" PRIMARY KEY ("targetId")
);

-- AddForeignKey
ALTER TABLE "TlsScanResult" ADD CONSTRAINT "TlsScanResult_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE CASCADE ON UPDATE CASCADE;
