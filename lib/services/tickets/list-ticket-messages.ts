import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import type { AuthorType, MessageKind } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/errors";
import { findTicketOrThrow, MESSAGE_SELECT } from "@/lib/services/tickets/find-ticket";
import { CursorId, CursorTime, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import { ListTicketMessagesSchema, type ListTicketMessagesInput } from "@/lib/validations/tickets";

/** Bodies longer than this are cut in lists; get_message reads the rest. */
export const BODY_PREVIEW_CHARS = 2_000;

export type MessageRow = {
  id: string;
  kind: MessageKind;
  author: { type: AuthorType; id: string | null; name: string | null };
  body: string;
  truncated: boolean;
  body_length: number;
  via: string;
  created_at: string;
  attachments: { id: string; filename: string; content_type: string; size: number }[];
};

const CursorShape = z.object({ c: CursorTime, i: CursorId });

/** A ticket's messages, oldest first, paged by cursor; long bodies are trimmed. */
export async function listTicketMessages(ctx: ActorContext, input: ListTicketMessagesInput): Promise<Page<MessageRow>> {
  const data = parseInput(ListTicketMessagesSchema, input);
  const ticket = await findTicketOrThrow(prisma, ctx, data.ticket, { id: true });
  const cursor = decodeCursor(data.cursor, CursorShape);
  const rows = await prisma.message.findMany({
    where: {
      workspaceId: ctx.workspaceId,
      ticketId: ticket.id,
      ...(data.include_notes ? {} : { kind: "reply" }),
      ...(cursor
        ? { OR: [{ createdAt: { gt: new Date(cursor.c) } }, { createdAt: new Date(cursor.c), id: { gt: cursor.i } }] }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: data.limit + 1,
    select: MESSAGE_SELECT,
  });
  const hasMore = rows.length > data.limit;
  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  return {
    items: page.map((m) => toMessageRow(m)),
    next_cursor: hasMore && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id }) : null,
    has_more: hasMore,
  };
}

export function toMessageRow(m: {
  id: string;
  kind: MessageKind;
  authorType: AuthorType;
  body: string;
  via: string;
  createdAt: Date;
  authorUser: { id: string; name: string } | null;
  authorContact: { id: string; name: string } | null;
  attachments?: { id: string; filename: string; contentType: string; size: number }[];
}): MessageRow {
  const author = m.authorType === "agent" ? m.authorUser : m.authorContact;
  return {
    id: m.id,
    kind: m.kind,
    author: { type: m.authorType, id: author?.id ?? null, name: author?.name ?? null },
    body: m.body.length > BODY_PREVIEW_CHARS ? m.body.slice(0, BODY_PREVIEW_CHARS) : m.body,
    truncated: m.body.length > BODY_PREVIEW_CHARS,
    body_length: m.body.length,
    via: m.via,
    created_at: m.createdAt.toISOString(),
    attachments: (m.attachments ?? []).map((a) => ({
      id: a.id,
      filename: a.filename,
      content_type: a.contentType,
      size: a.size,
    })),
  };
}
