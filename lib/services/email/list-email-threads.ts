import "server-only";
import { z } from "zod";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { notFound, parseInput } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CursorId, CursorTime, decodeCursor, encodeCursor } from "@/lib/validations/common";
import {
  GetEmailMessageSchema,
  ListEmailThreadsSchema,
  type GetEmailMessageInput,
  type ListEmailThreadsInput,
} from "@/lib/validations/email";

const HEADER_SELECT = {
  id: true,
  direction: true,
  rfcMessageId: true,
  inReplyTo: true,
  references: true,
  fromAddress: true,
  fromName: true,
  toAddresses: true,
  ccAddresses: true,
  subject: true,
  sentAt: true,
  automated: true,
  spam: true,
  messageId: true,
  ticket: { select: { number: true } },
} satisfies Prisma.EmailMessageSelect;

type HeaderRow = Prisma.EmailMessageGetPayload<{ select: typeof HEADER_SELECT }>;

function headersOf(row: HeaderRow) {
  return {
    id: row.id,
    ticket: row.ticket?.number ?? null,
    direction: row.direction,
    from: row.fromName ? `${row.fromName} <${row.fromAddress}>` : row.fromAddress,
    to: row.toAddresses,
    cc: row.ccAddresses,
    subject: row.subject,
    message_id: row.rfcMessageId,
    in_reply_to: row.inReplyTo,
    references: row.references ? row.references.split(" ") : [],
    date: row.sentAt.toISOString(),
    automated: row.automated,
    spam: row.spam,
    ticket_message_id: row.messageId,
  };
}

const CursorShape = z.strictObject({ s: CursorTime, i: CursorId });

/** A ticket's mail, oldest first, or the workspace's most recent mail, newest first; headers only. */
export async function listEmailThreads(ctx: ActorContext, input: ListEmailThreadsInput) {
  const data = parseInput(ListEmailThreadsSchema, input);
  const cursor = decodeCursor(data.cursor, CursorShape);
  let where: Prisma.EmailMessageWhereInput = inWorkspace(ctx);
  const ascending = data.ticket !== undefined;
  if (data.ticket !== undefined) {
    const ticket = await prisma.ticket.findUnique({
      where: { workspaceId_number: { ...inWorkspace(ctx), number: data.ticket } },
      select: { id: true },
    });
    if (!ticket) throw notFound(`Ticket #${data.ticket}`);
    where = { ...where, ticketId: ticket.id };
  }
  if (cursor) {
    const at = new Date(cursor.s);
    const op = ascending ? "gt" : "lt";
    where = { AND: [where, { OR: [{ sentAt: { [op]: at } }, { sentAt: at, id: { [op]: cursor.i } }] }] };
  }
  const order = ascending ? "asc" : "desc";
  const rows = await prisma.emailMessage.findMany({
    where,
    orderBy: [{ sentAt: order }, { id: order }],
    take: data.limit + 1,
    select: HEADER_SELECT,
  });
  const hasMore = rows.length > data.limit;
  const items = rows.slice(0, data.limit);
  const last = items.at(-1);
  return {
    items: items.map(headersOf),
    next_cursor: hasMore && last ? encodeCursor({ s: last.sentAt.toISOString(), i: last.id }) : null,
    has_more: hasMore,
  };
}

const TEXT_MAX = 20_000;

/** One mail with its headers, its text and its HTML (each cut at 20,000 characters). */
export async function getEmailMessage(ctx: ActorContext, input: GetEmailMessageInput) {
  const { id } = parseInput(GetEmailMessageSchema, input);
  const row = await prisma.emailMessage.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: { ...HEADER_SELECT, text: true, html: true, raw: true },
  });
  if (!row) throw notFound("Email message");
  return {
    ...headersOf(row),
    text: row.text.slice(0, TEXT_MAX),
    html: row.html?.slice(0, TEXT_MAX) ?? null,
    truncated: row.text.length > TEXT_MAX || (row.html?.length ?? 0) > TEXT_MAX,
    raw_bytes: row.raw ? Buffer.byteLength(row.raw) : null,
  };
}
