import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { defineJobKind } from "@/lib/jobs/kind";

/** Dispatched events stay readable (webhook redelivery, automation run logs) for this long. */
const KEEP_DAYS = 30;

/** Daily: forgets events dispatched long ago. */
export const eventRetention = defineJobKind({
  name: "event-retention",
  payload: z.strictObject({}),
  cron: "17 4 * * *",
  async handle() {
    await prisma.domainEvent.deleteMany({
      where: { dispatchedAt: { lt: new Date(Date.now() - KEEP_DAYS * 86_400_000) } },
    });
  },
});
