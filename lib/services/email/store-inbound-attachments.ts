import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InboundAttachment } from "@/lib/mail/inbound/types";

export type StoreInboundAttachmentsOptions = {
  ticketId: string;
  messageId: string;
  /** The contact who sent the mail (the uploader of its files). */
  contactId: string | null;
  attachments: InboundAttachment[];
};

/**
 * INBOUND ATTACHMENT HOOK: the files of a received mail, in the transaction that records the mail.
 * The attachments family's storeAttachment(tx, ctx, { ticketId, messageId, filename, bytes: a.content,
 * contentTypeHint: a.contentType, uploaderContactId: contactId, field: "attachments" }) is called here
 * for each file (one store for every upload path). A file it refuses (size, count) should be skipped
 * with a note rather than thrown: a throw here fails the whole mail, which the sending MTA retries.
 * Until it is wired, the files stay only in the mail's raw MIME on its EmailMessage row.
 */
export async function storeInboundAttachments(
  _tx: Prisma.TransactionClient,
  _ctx: ActorContext,
  _options: StoreInboundAttachmentsOptions,
): Promise<void> {}
