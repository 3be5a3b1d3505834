import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

export type MailTransport = { kind: "smtp" | "outbox"; transporter: Transporter };

const globalForMail = globalThis as unknown as { mailTransport?: MailTransport };

/** DKIM signing for every message when DKIM_PRIVATE_KEY, DKIM_SELECTOR and DKIM_DOMAIN are all set. */
export function dkimOptions(): { dkim?: { domainName: string; keySelector: string; privateKey: string } } {
  const { DKIM_PRIVATE_KEY, DKIM_SELECTOR, DKIM_DOMAIN } = getEnv();
  if (!DKIM_PRIVATE_KEY || !DKIM_SELECTOR || !DKIM_DOMAIN) return {};
  return { dkim: { domainName: DKIM_DOMAIN, keySelector: DKIM_SELECTOR, privateKey: DKIM_PRIVATE_KEY } };
}

/**
 * The process's way out for mail: SMTP when SMTP_URL is set, else the dev outbox — nodemailer builds
 * the very message it would send (MIME, headers, DKIM) and the app keeps it instead of sending it.
 */
export function mailTransport(): MailTransport {
  if (!globalForMail.mailTransport) {
    const { SMTP_URL } = getEnv();
    // Message defaults: DKIM signs each message nodemailer builds, on either way out.
    const defaults = dkimOptions();
    globalForMail.mailTransport = SMTP_URL
      ? { kind: "smtp", transporter: nodemailer.createTransport(SMTP_URL, defaults) }
      : {
          kind: "outbox",
          transporter: nodemailer.createTransport({ streamTransport: true, buffer: true, ...defaults }),
        };
  }
  return globalForMail.mailTransport;
}
