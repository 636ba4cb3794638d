-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "MetricHistogram" (
    "name" TEXT NOT NULL,
    "bounds" DOUBLE PRECISION[],
    "counts" BIGINT[],
    "sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "count" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MetricHistogram_pkey" PRIMARY KEY ("name")
);
