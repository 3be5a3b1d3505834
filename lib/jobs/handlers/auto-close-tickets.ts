import "server-only";
import { z } from "zod";
import { defineJobKind } from "@/lib/jobs/kind";
import { AUTO_CLOSE_KIND, autoCloseTickets } from "@/lib/services/case-statuses/auto-close-tickets";

/** Hourly: closes resolved tickets that went the workspace's auto-close days without a reply. */
export const autoCloseTicketsJob = defineJobKind({
  name: AUTO_CLOSE_KIND,
  payload: z.strictObject({}),
  cron: "41 * * * *",
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 30 * 60,
  async handle() {
    const closed = await autoCloseTickets();
    if (closed > 0) console.info(`[jobs] auto-close-tickets closed ${closed} tickets`);
  },
});
