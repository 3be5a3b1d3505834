import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { CursorId, CursorTime, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import { TicketListSchema, type TicketListInput } from "@/lib/validations/tickets";

export type TicketRow = {
  id: string;
  number: number;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  contact: { id: string; name: string; email: string | null } | null;
  tags: string[];
  created_at: string;
  updated_at: string;
};

const CursorShape = z.object({ u: CursorTime, i: CursorId });

/** The ticket list: filters, text search over subject and messages, newest activity first. */
export async function listTickets(ctx: ActorContext, input: TicketListInput): Promise<Page<TicketRow>> {
  const filters = parseInput(TicketListSchema, input);
  const and: Prisma.TicketWhereInput[] = [inWorkspace(ctx)];

  if (filters.status) and.push({ status: filters.status });
  if (filters.priority) and.push({ priority: filters.priority });
  if (filters.assignee === "me") and.push({ assigneeId: ctx.userId ?? "__none__" });
  else if (filters.assignee === "unassigned") and.push({ assigneeId: null });
  else if (filters.assignee) and.push({ assigneeId: filters.assignee });
  if (filters.team === "none") and.push({ teamId: null });
  else if (filters.team) and.push({ teamId: filters.team });
  if (filters.tag) and.push({ tags: { some: { tag: { ...inWorkspace(ctx), name: filters.tag.toLowerCase() } } } });
  if (filters.contact) and.push({ contactId: filters.contact });
  if (filters.created_after) and.push({ createdAt: { gte: filters.created_after } });
  if (filters.created_before) and.push({ createdAt: { lt: filters.created_before } });
  if (filters.q) {
    const q = filters.q.replace(/^#(?=\d+$)/, "");
    const or: Prisma.TicketWhereInput[] = [
      { subject: { contains: q, mode: "insensitive" } },
      { messages: { some: { body: { contains: q, mode: "insensitive" } } } },
    ];
    if (/^\d{1,9}$/.test(q)) or.push({ number: Number(q) });
    and.push({ OR: or });
  }
  const cursor = decodeCursor(filters.cursor, CursorShape);
  if (cursor) {
    const at = new Date(cursor.u);
    and.push({ OR: [{ updatedAt: { lt: at } }, { updatedAt: at, id: { lt: cursor.i } }] });
  }

  const rows = await prisma.ticket.findMany({
    where: { AND: and },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: filters.limit + 1,
    select: {
      id: true,
      number: true,
      subject: true,
      status: true,
      priority: true,
      channel: true,
      createdAt: true,
      updatedAt: true,
      assignee: { select: { id: true, name: true } },
      team: { select: { id: true, name: true } },
      contact: { select: { id: true, name: true, email: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  const hasMore = rows.length > filters.limit;
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: page.map((t) => ({
      id: t.id,
      number: t.number,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      channel: t.channel,
      assignee: t.assignee,
      team: t.team,
      contact: t.contact,
      tags: t.tags.map((x) => x.tag.name),
      created_at: t.createdAt.toISOString(),
      updated_at: t.updatedAt.toISOString(),
    })),
    next_cursor: hasMore && last ? encodeCursor({ u: last.updatedAt.toISOString(), i: last.id }) : null,
    has_more: hasMore,
  };
}
