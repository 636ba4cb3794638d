-- CreateTable
CREATE TABLE "DiscoveredWorkload" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "context" TEXT,
    "namespace" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "engine" "Engine" NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL,
    "refs" JSONB NOT NULL,
    "details" JSONB NOT NULL,
    "targetId" UUID,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "goneAt" TIMESTAMP(3),

    CONSTRAINT "DiscoveredWorkload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscoveryRun" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "context" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "errors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "found" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "gone" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DiscoveryRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DiscoveredWorkload_key_key" ON "DiscoveredWorkload"("key");

-- CreateIndex
CREATE INDEX "DiscoveredWorkload_namespace_idx" ON "DiscoveredWorkload"("namespace");

-- CreateIndex
CREATE INDEX "DiscoveredWorkload_targetId_idx" ON "DiscoveredWorkload"("targetId");

-- CreateIndex
CREATE INDEX "DiscoveredWorkload_goneAt_idx" ON "DiscoveredWorkload"("goneAt");

-- CreateIndex
CREATE INDEX "DiscoveryRun_startedAt_idx" ON "DiscoveryRun"("startedAt");
