import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

export type MailTransport = { kind: "smtp" | "outbox"; transporter: Transporter };

const globalForMail = globalThis as unknown as { mailTransport?: MailTransport };

/**
 * The process's way out for mail: SMTP when SMTP_URL is set, else the dev outbox — nodemailer builds
 * the very message it would send (MIME, headers, DKIM) and the app keeps it instead of sending it.
 */
export function mailTransport(): MailTransport {
  if (!globalForMail.mailTransport) {
    const { SMTP_URL } = getEnv();
    globalForMail.mailTransport = SMTP_URL
      ? { kind: "smtp", transporter: nodemailer.createTransport(SMTP_URL) }
      : { kind: "outbox", transporter: nodemailer.createTransport({ streamTransport: true, buffer: true }) };
  }
  return globalForMail.mailTransport;
}
