import "server-only";
import { z } from "zod";
import { defineJobKind } from "@/lib/jobs/kind";
import { SEND_MAIL_KIND } from "@/lib/mail/kind";
import { sendRecordedMail } from "@/lib/mail/send";

const RETRIES = 5;

/** Delivers one recorded message; a mail server that refuses is tried again with backoff, from 30 s. */
export const sendMailJob = defineJobKind({
  name: SEND_MAIL_KIND,
  payload: z.strictObject({ mailId: z.string().min(1).max(64) }),
  retryLimit: RETRIES,
  retryDelaySeconds: 30,
  backoff: true,
  expireInSeconds: 5 * 60,
  concurrency: 4,
  async handle({ mailId }, run) {
    await sendRecordedMail(mailId, { final: run.retryCount >= RETRIES });
  },
});
