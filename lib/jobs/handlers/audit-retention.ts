import "server-only";
import { z } from "zod";
import { defineJobKind } from "@/lib/jobs/kind";
import { pruneAuditEvents } from "@/lib/services/audit/prune-audit-events";

/** Daily: drops audit events older than each workspace's plan keeps. Rerunning deletes nothing more. */
export const auditRetention = defineJobKind({
  name: "audit-retention",
  payload: z.strictObject({}),
  cron: "17 3 * * *",
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 60 * 60,
  async handle() {
    const deleted = await pruneAuditEvents();
    if (deleted > 0) console.info(`[jobs] audit-retention deleted ${deleted} audit events`);
  },
});
