import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { defineJobKind } from "@/lib/jobs/kind";

/** Receipts outlive any redelivery of their job by far after this long. */
const KEEP_DAYS = 30;

/** Daily: forgets idempotency receipts of jobs finished long ago. */
export const jobReceiptRetention = defineJobKind({
  name: "job-receipt-retention",
  payload: z.strictObject({}),
  cron: "47 3 * * *",
  async handle() {
    await prisma.jobReceipt.deleteMany({
      where: { completedAt: { lt: new Date(Date.now() - KEEP_DAYS * 86_400_000) } },
    });
  },
});
