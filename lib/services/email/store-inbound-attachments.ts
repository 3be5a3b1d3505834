import "server-only";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InboundAttachment } from "@/lib/mail/inbound/types";

export type StoreInboundAttachmentsOptions = {
  ticketId: string;
  messageId: string;
  attachments: InboundAttachment[];
};

/**
 * INBOUND ATTACHMENT HOOK: the files of a received mail, in the transaction that records the mail.
 * The attachments family's storeAttachment(...) is called here for each file (one store for every
 * upload path); until it is wired, the files stay only in the mail's raw MIME on its EmailMessage row.
 */
export async function storeInboundAttachments(
  _tx: Prisma.TransactionClient,
  _ctx: ActorContext,
  _options: StoreInboundAttachmentsOptions,
): Promise<void> {}
