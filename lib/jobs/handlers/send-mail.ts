import "server-only";
import { defineJobKind } from "@/lib/jobs/kind";
import { SEND_MAIL_JOB, SEND_MAIL_RETRIES } from "@/lib/mail/kind";
import { sendRecordedMail } from "@/lib/mail/send";

/** Delivers one recorded message; the last attempt marks it failed for good. */
export const sendMailJob = defineJobKind({
  ...SEND_MAIL_JOB,
  async handle({ mailId }, run) {
    await sendRecordedMail(mailId, { final: run.retryCount >= SEND_MAIL_RETRIES });
  },
});
