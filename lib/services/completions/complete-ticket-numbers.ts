import "server-only";
import type { ActorContext } from "@/lib/context";
import { inWorkspace } from "@/lib/context";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { search } from "@/lib/search";
import { TicketListSchema } from "@/lib/validations/tickets";

export type Completion = { values: string[]; hasMore: boolean };

/** At most this many values in one completion (the MCP limit). */
export const COMPLETION_MAX = 100;
const INT_MAX = 2_147_483_647;

/**
 * The number ranges a digit prefix stands for, shortest numbers first: 12 → 12, 120–129,
 * 1200–1299, … up to the largest ticket number a column can hold. Each is an index range on
 * (workspaceId, number), never a cast of every number to text.
 */
export function prefixRanges(prefix: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let scale = 1; prefix * scale <= INT_MAX; scale *= 10) {
    ranges.push([prefix * scale, Math.min((prefix + 1) * scale - 1, INT_MAX)]);
  }
  return ranges;
}

/**
 * Ticket numbers for a completion: by number prefix ("12", "#12"), by subject words through the
 * search engine ("refund"), or the most recently active tickets for an empty value.
 */
export async function completeTicketNumbers(ctx: ActorContext, value: string): Promise<Completion> {
  const text = value.trim().replace(/^#/, "");
  if (text === "") {
    const rows = await prisma.ticket.findMany({
      where: inWorkspace(ctx),
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: COMPLETION_MAX + 1,
      select: { number: true },
    });
    return page(rows.map((r) => r.number));
  }
  if (/^\d+$/.test(text)) {
    const prefix = Number(text);
    if (text.startsWith("0") || prefix > INT_MAX) return { values: [], hasMore: false };
    // One index range scan per length, each capped, in one round trip.
    const branches = prefixRanges(prefix).map(
      ([low, high]) => Prisma.sql`(SELECT "number" FROM "public"."Ticket"
         WHERE "workspaceId" = ${ctx.workspaceId} AND "number" BETWEEN ${low} AND ${high}
         ORDER BY "number" LIMIT ${COMPLETION_MAX + 1})`,
    );
    const rows = await prisma.$queryRaw<{ number: number }[]>`
      SELECT "number" FROM (${Prisma.join(branches, " UNION ALL ")}) AS t ORDER BY "number" LIMIT ${COMPLETION_MAX + 1}`;
    return page(rows.map((r) => r.number));
  }
  const filters = TicketListSchema.safeParse({ q: text, limit: COMPLETION_MAX });
  if (!filters.success) return { values: [], hasMore: false };
  // The search's own page: only the numbers are shown, so no snippets.
  const hits = await search.tickets(ctx, filters.data);
  return { values: hits.items.map((h) => String(h.number)), hasMore: hits.has_more };
}

function page(numbers: number[]): Completion {
  return { values: numbers.slice(0, COMPLETION_MAX).map(String), hasMore: numbers.length > COMPLETION_MAX };
}
