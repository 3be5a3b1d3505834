import "server-only";
import { z } from "zod";
import { defineJobKind } from "@/lib/jobs/kind";
import { compactCounts } from "@/lib/services/system/compact-counts";

/** Every minute: folds the ticket and tag count rows written since the last run. */
export const compactCountsJob = defineJobKind({
  name: "compact-counts",
  payload: z.strictObject({}),
  cron: "* * * * *",
  retryLimit: 1,
  retryDelaySeconds: 30,
  expireInSeconds: 5 * 60,
  async handle() {
    await compactCounts();
  },
});
