-- CreateTable
CREATE TABLE "JobReceipt" (
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobReceipt_pkey" PRIMARY KEY ("kind","key")
);

-- CreateIndex
CREATE INDEX "JobReceipt_completedAt_idx" ON "JobReceipt"("completedAt");
