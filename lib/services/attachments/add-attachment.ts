import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { toAttachmentJson } from "@/lib/services/attachments/shared";
import { storeAttachment, withStoredFiles } from "@/lib/services/attachments/store-attachment";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { AddAttachmentSchema, type AddAttachmentInput } from "@/lib/validations/attachments";

/** Attaches a base64-encoded file to a ticket, or under one of its messages (add_attachment). */
export async function addAttachment(ctx: ActorContext, input: AddAttachmentInput) {
  const data = parseInput(AddAttachmentSchema, input);
  const bytes = Buffer.from(data.content_base64, "base64");
  const attachment = await withStoredFiles((storedKeys) =>
    prisma.$transaction(async (tx) => {
      const ticket = await findTicketOrThrow(tx, ctx, data.ticket, { id: true });
      return storeAttachment(tx, ctx, {
        ticketId: ticket.id,
        messageId: data.message_id ?? null,
        filename: data.filename,
        bytes,
        field: "content_base64",
        storedKeys,
      });
    }),
  );
  return toAttachmentJson(attachment);
}
