import "server-only";
import { z } from "zod";
import { defineJobKind } from "@/lib/jobs/kind";
import { emitSlaDueSoon, SLA_DUE_SOON_KIND } from "@/lib/services/sla/emit-sla-due-soon";

/** Every minute: warns (sla.due_soon) about SLA targets due within 30 minutes, once per target. */
export const slaDueSoonJob = defineJobKind({
  name: SLA_DUE_SOON_KIND,
  payload: z.strictObject({}),
  cron: "* * * * *",
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 10 * 60,
  async handle() {
    const emitted = await emitSlaDueSoon();
    if (emitted > 0) console.info(`[jobs] sla-due-soon warned about ${emitted} tickets`);
  },
});
