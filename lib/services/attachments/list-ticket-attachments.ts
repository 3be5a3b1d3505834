import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { ATTACHMENT_SELECT, toAttachmentJson } from "@/lib/services/attachments/shared";
import { findTicketOrThrow } from "@/lib/services/tickets/find-ticket";
import { ListTicketAttachmentsSchema, type ListTicketAttachmentsInput } from "@/lib/validations/attachments";

/** A cap on one answer; a ticket rarely holds more. */
const LIST_MAX = 200;

/** A ticket's attachments, oldest first, each with a signed download link. */
export async function listTicketAttachments(ctx: ActorContext, input: ListTicketAttachmentsInput) {
  const { ticket: number } = parseInput(ListTicketAttachmentsSchema, input);
  const ticket = await findTicketOrThrow(prisma, ctx, number, { id: true });
  const rows = await prisma.attachment.findMany({
    where: { ...inWorkspace(ctx), ticketId: ticket.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: LIST_MAX,
    select: ATTACHMENT_SELECT,
  });
  const now = new Date();
  return { ticket: number, items: rows.map((row) => toAttachmentJson(row, now)) };
}
