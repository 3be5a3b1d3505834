/** One address of a mail header. */
export type MailAddress = { address: string; name: string | null };

/**
 * A received mail, whichever door it came in by (the SMTP receiver or a provider's webhook), parsed
 * into the parts receiveInboundMail needs.
 */
export type InboundMail = {
  /** Where the mail was delivered to: the SMTP envelope's RCPT TO, or the provider's recipient field. */
  recipients: string[];
  /** Message-ID without angle brackets; null when the mail had none. */
  messageId: string | null;
  inReplyTo: string | null;
  /** The References header's Message-IDs, oldest first. */
  references: string[];
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  text: string;
  html: string | null;
  date: Date | null;
  /** Every header, names lower-cased, values as text (a repeated header joined with ", "). */
  headers: Record<string, string>;
  /** The raw MIME source when the door had it. */
  raw: string | null;
  attachments: InboundAttachment[];
};

export type InboundAttachment = {
  filename: string | null;
  contentType: string;
  size: number;
  content: Buffer;
};
