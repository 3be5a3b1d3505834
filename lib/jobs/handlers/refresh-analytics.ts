import "server-only";
import { z } from "zod";
import { defineJobKind } from "@/lib/jobs/kind";
import { refreshSupportMetrics } from "@/lib/services/analytics/get-support-metrics";
import { dueSnapshots } from "@/lib/services/analytics/snapshots";

/** Every minute: recomputes the analytics snapshots people asked for in the last day. */
export const refreshAnalytics = defineJobKind({
  name: "refresh-analytics",
  payload: z.strictObject({}),
  cron: "* * * * *",
  retryLimit: 1,
  retryDelaySeconds: 30,
  expireInSeconds: 10 * 60,
  async handle() {
    for (const { workspaceId, key } of await dueSnapshots()) await refreshSupportMetrics(workspaceId, key);
  },
});
