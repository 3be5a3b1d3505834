import "server-only";
import type { ActorContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InboundAttachment } from "@/lib/mail/inbound/types";
import { storeAttachment } from "@/lib/services/attachments/store-attachment";

export type StoreInboundAttachmentsOptions = {
  ticketId: string;
  messageId: string;
  attachments: InboundAttachment[];
  /** Collects the storage keys written, so the caller removes the files if its transaction fails. */
  storedKeys: string[];
};

/**
 * The files of a received mail, in the transaction that records the mail, through the one attachment
 * store every upload path uses, uploaded by the message's contact. A file the limits refuse (empty,
 * too large, past the per-message count) is left out rather than losing the mail: it stays in the
 * mail's raw MIME on its EmailMessage row. Returns how many were stored and skipped.
 */
export async function storeInboundAttachments(
  tx: Prisma.TransactionClient,
  ctx: ActorContext,
  options: StoreInboundAttachmentsOptions,
): Promise<{ stored: number; skipped: number }> {
  if (options.attachments.length === 0) return { stored: 0, skipped: 0 };
  const message = await tx.message.findUnique({
    where: { id: options.messageId },
    select: { authorContactId: true },
  });
  let stored = 0;
  let skipped = 0;
  for (const [index, attachment] of options.attachments.entries()) {
    try {
      await storeAttachment(tx, ctx, {
        ticketId: options.ticketId,
        messageId: options.messageId,
        filename: attachment.filename ?? `attachment-${index + 1}`,
        bytes: attachment.content,
        contentTypeHint: attachment.contentType,
        uploaderContactId: message?.authorContactId ?? null,
        field: "attachments",
        storedKeys: options.storedKeys,
      });
      stored++;
    } catch (error) {
      // The limits are checked before any write, so the transaction is still good.
      if (error instanceof AppError && (error.code === "validation_error" || error.code === "limit_reached")) {
        skipped++;
        continue;
      }
      throw error;
    }
  }
  return { stored, skipped };
}
