import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { search } from "@/lib/search";
import type { Page } from "@/lib/validations/common";
import { TicketListSchema, type TicketListInput } from "@/lib/validations/tickets";

export type TicketRow = {
  id: string;
  number: number;
  subject: string;
  status: string;
  case_status: { id: string; name: string; color: string } | null;
  priority: string;
  channel: string;
  assignee: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  contact: { id: string; name: string; email: string | null } | null;
  tags: string[];
  created_at: string;
  updated_at: string;
  /** The next SLA due time while the clock runs (null: stopped, met or no SLA). */
  sla_due_at: string | null;
  /** An SLA target was missed while the ticket is worked (derived from the due time between breach-job runs). */
  sla_breached: boolean;
  /** Where the search text matched, with <mark> markers; null without text or when only the number or contact matched. */
  snippet: string | null;
};

/**
 * The ticket list: filters, full-text search and sort orders come from lib/search;
 * this reads the page's rows for display in the order search gave them.
 */
export async function listTickets(ctx: ActorContext, input: TicketListInput): Promise<Page<TicketRow>> {
  const filters = parseInput(TicketListSchema, input);
  const hits = await search.tickets(ctx, filters);
  // The rows and the snippets need only the page's ids: read side by side, one wait for both.
  const [rows, snippets] = await Promise.all([
    readRows(
      ctx,
      hits.items.map((h) => h.id),
    ),
    search.ticketSnippets(ctx, filters, hits),
  ]);
  const now = new Date();
  const byId = new Map(rows.map((t) => [t.id, t]));
  const page = hits.items.flatMap((hit) => {
    const t = byId.get(hit.id);
    return t ? [{ t, snippet: snippets.get(hit.id) ?? null }] : [];
  });
  return {
    items: page.map(({ t, snippet }) => ({
      id: t.id,
      number: t.number,
      subject: t.subject,
      status: t.status,
      case_status: t.caseStatus,
      priority: t.priority,
      channel: t.channel,
      assignee: t.assignee,
      team: t.team,
      contact: t.contact,
      tags: t.tags.map((x) => x.tag.name),
      created_at: t.createdAt.toISOString(),
      updated_at: t.updatedAt.toISOString(),
      sla_due_at: t.slaDueAt?.toISOString() ?? null,
      sla_breached: t.slaBreachedAt !== null || (t.slaDueAt !== null && t.slaDueAt <= now),
      snippet,
    })),
    next_cursor: hits.next_cursor,
    has_more: hits.has_more,
  };
}

/** The list's columns of some tickets of the workspace, in no order. */
function readRows(ctx: ActorContext, ids: string[]) {
  return prisma.ticket.findMany({
    where: { ...inWorkspace(ctx), id: { in: ids } },
    select: {
      id: true,
      number: true,
      subject: true,
      status: true,
      caseStatus: { select: { id: true, name: true, color: true } },
      priority: true,
      channel: true,
      createdAt: true,
      updatedAt: true,
      slaDueAt: true,
      slaBreachedAt: true,
      assignee: { select: { id: true, name: true } },
      team: { select: { id: true, name: true } },
      contact: { select: { id: true, name: true, email: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
}
