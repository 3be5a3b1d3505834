import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { defineJobKind } from "@/lib/jobs/kind";

/** The delivery log keeps this long, as long as the events it could resend. */
const KEEP_DAYS = 30;

/** Daily: forgets webhook delivery attempts older than the log keeps. Rerunning deletes nothing more. */
export const webhookDeliveryRetention = defineJobKind({
  name: "webhook-delivery-retention",
  payload: z.strictObject({}),
  cron: "37 4 * * *",
  expireInSeconds: 30 * 60,
  async handle() {
    const { count } = await prisma.webhookDelivery.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - KEEP_DAYS * 86_400_000) } },
    });
    if (count > 0) console.info(`[jobs] webhook-delivery-retention deleted ${count} delivery attempts`);
  },
});
