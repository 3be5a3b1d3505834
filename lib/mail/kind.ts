/** The queue that delivers recorded mail (lib/jobs/handlers/send-mail.ts). */
export const SEND_MAIL_KIND = "send-mail";
