import "server-only";
import { z } from "zod";
import { defineJobKind } from "@/lib/jobs/kind";
import { markSlaBreaches, SLA_BREACH_KIND } from "@/lib/services/sla/mark-sla-breaches";

/** Every minute: flags tickets whose SLA due time passed (reads derive "breached" in between). */
export const slaBreachesJob = defineJobKind({
  name: SLA_BREACH_KIND,
  payload: z.strictObject({}),
  cron: "* * * * *",
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 10 * 60,
  async handle() {
    const flagged = await markSlaBreaches();
    if (flagged > 0) console.info(`[jobs] sla-breaches flagged ${flagged} tickets`);
  },
});
