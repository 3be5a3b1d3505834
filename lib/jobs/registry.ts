import "server-only";
import { auditRetention } from "@/lib/jobs/handlers/audit-retention";
import { jobReceiptRetention } from "@/lib/jobs/handlers/job-receipt-retention";
import type { JobKind } from "@/lib/jobs/kind";

/** Every job kind the app runs; workers serve these queues and keep their schedules. */
export const JOB_KINDS: readonly JobKind[] = [auditRetention, jobReceiptRetention];

export type JobKindName = (typeof JOB_KINDS)[number]["name"];
