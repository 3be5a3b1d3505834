import { z } from "zod";
import { defineJobSpec } from "@/lib/jobs/kind";

/** How many times a refused delivery is tried again. */
export const SEND_MAIL_RETRIES = 5;

/**
 * The queue that delivers recorded mail (lib/jobs/handlers/send-mail.ts): one job per message; a
 * mail server that refuses is tried again with backoff, from 30 s.
 */
export const SEND_MAIL_JOB = defineJobSpec({
  name: "send-mail",
  payload: z.strictObject({ mailId: z.string().min(1).max(64) }),
  retryLimit: SEND_MAIL_RETRIES,
  retryDelaySeconds: 30,
  backoff: true,
  expireInSeconds: 5 * 60,
  concurrency: 4,
});
