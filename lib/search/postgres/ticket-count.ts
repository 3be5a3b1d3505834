import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TicketCount } from "@/lib/search/engine";
import {
  breachedBranches,
  canLoosen,
  contactsFor,
  estimateTickets,
  filterConditions,
  textMatch,
  type Mode,
} from "@/lib/search/postgres/ticket-conditions";
import { parseQuery } from "@/lib/search/query";
import type { TicketListFilters } from "@/lib/validations/tickets";

const { join } = Prisma;

/** Counted exactly up to this many matches; beyond it the planner's estimate stands in. */
export const EXACT_COUNT_LIMIT = 10_000;

/**
 * How many tickets the list's filters and text match, cheaply at any volume: from the TicketCount
 * rows when only status, priority, team and assignee filter (exact; TicketCount has no sub-status or SLA); otherwise counted up to
 * EXACT_COUNT_LIMIT, and past it the planner's estimate (`exact: false`, shown as "about N").
 */
export async function countTickets(ctx: ActorContext, filters: TicketListFilters): Promise<TicketCount> {
  const query = filters.q ? parseQuery(filters.q) : null;
  if (
    !query &&
    !filters.tag &&
    !filters.contact &&
    !filters.case_status &&
    !filters.sla &&
    !filters.created_after &&
    !filters.created_before &&
    filters.spam !== "only"
  ) {
    return { count: await fromCounts(ctx, filters), exact: true };
  }
  if (!query && filters.sla === "breached") return countBreached(ctx, filters);
  const doc = Prisma.raw(filters.include_notes ? `t."searchAll"` : `t."searchPublic"`);
  const count = async (mode: Mode): Promise<TicketCount> => {
    const and = filterConditions(ctx, filters);
    if (query) {
      const text = textMatch(query, mode, doc, await contactsFor(ctx, query, mode));
      if (!text) return { count: 0, exact: true };
      and.push(text);
    }
    const where = join(and, " AND ");
    const [{ n }] = await prisma.$queryRaw<[{ n: number }]>`
      SELECT count(*)::int AS "n" FROM (SELECT 1 FROM "public"."Ticket" t WHERE ${where} LIMIT ${EXACT_COUNT_LIMIT + 1}) x`;
    if (n <= EXACT_COUNT_LIMIT) return { count: n, exact: true };
    const estimate = await estimateTickets(and);
    return { count: Math.max(estimate, EXACT_COUNT_LIMIT + 1), exact: false };
  };
  // The same fallback as the list: when the query as typed finds nothing, its loosened form is what shows.
  const exact = await count("e");
  return exact.count === 0 && query && canLoosen(query) ? count("f") : exact;
}

/** "Breached" counted as its two branches (see breachedBranches), each up to the exact limit. */
async function countBreached(ctx: ActorContext, filters: TicketListFilters): Promise<TicketCount> {
  const base = filterConditions(ctx, filters, true, false);
  const [flagged, passed] = breachedBranches(new Date());
  const [{ n }] = await prisma.$queryRaw<[{ n: number }]>`
    SELECT count(*)::int AS "n" FROM (
      (SELECT 1 FROM "public"."Ticket" t WHERE ${join([...base, flagged], " AND ")} LIMIT ${EXACT_COUNT_LIMIT + 1})
      UNION ALL
      (SELECT 1 FROM "public"."Ticket" t WHERE ${join([...base, passed], " AND ")} LIMIT ${EXACT_COUNT_LIMIT + 1})) x`;
  if (n <= EXACT_COUNT_LIMIT) return { count: n, exact: true };
  const estimate = await estimateTickets(filterConditions(ctx, filters));
  return { count: Math.max(estimate, EXACT_COUNT_LIMIT + 1), exact: false };
}

/**
 * Sums the TicketCount rows the filters select: without tag, contact or range the list's own
 * conditions name only columns TicketCount shares with Ticket (workspace, status, priority, team, assignee).
 */
async function fromCounts(ctx: ActorContext, filters: TicketListFilters): Promise<number> {
  const [{ n }] = await prisma.$queryRaw<[{ n: number }]>`
    SELECT coalesce(sum(t."n"), 0)::int AS "n" FROM "public"."TicketCount" t
     WHERE ${join(filterConditions(ctx, filters, false, true, false), " AND ")}`;
  if (filters.spam === "include") return n;
  // TicketCount counts spam too; the few spam tickets come off through the partial index that holds only them.
  const [{ spam }] = await prisma.$queryRaw<[{ spam: number }]>`
    SELECT count(*)::int AS "spam" FROM "public"."Ticket" t
     WHERE ${join(filterConditions(ctx, { ...filters, spam: "only" }, false), " AND ")}`;
  return n - spam;
}
