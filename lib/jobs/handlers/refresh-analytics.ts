import "server-only";
import { z } from "zod";
import { defineJobKind } from "@/lib/jobs/kind";
import { refreshSupportMetrics } from "@/lib/services/analytics/get-support-metrics";
import { dueSnapshots } from "@/lib/services/analytics/snapshots";

/**
 * Every five minutes: recomputes the analytics snapshots people asked for in the last day. A year of
 * tickets is a heavy read at volume, so not more often.
 */
export const refreshAnalytics = defineJobKind({
  name: "refresh-analytics",
  payload: z.strictObject({}),
  cron: "*/5 * * * *",
  retryLimit: 1,
  retryDelaySeconds: 30,
  expireInSeconds: 10 * 60,
  async handle() {
    for (const { workspaceId, key } of await dueSnapshots()) await refreshSupportMetrics(workspaceId, key);
  },
});
