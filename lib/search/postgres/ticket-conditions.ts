import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { nearSpelling } from "@/lib/search/postgres/contacts";
import { prefixQuerySource, type ParsedQuery } from "@/lib/search/query";
import type { TicketListFilters } from "@/lib/validations/tickets";

const { sql, join } = Prisma;

/** The fallback matches the tickets of at most this many contacts with names or emails spelled nearly like the query. */
const FUZZY_CONTACTS = 50;

/** "e": the query as typed; "f": the fallback (prefixes and near spellings) when that finds nothing. */
export type Mode = "e" | "f";

export function tsQuery(query: ParsedQuery, mode: Mode): Prisma.Sql {
  if (mode === "e") return sql`websearch_to_tsquery('english', ${query.text})`;
  const prefix = prefixQuerySource(query.fuzzyTerms);
  return prefix ? sql`to_tsquery('english', ${prefix})` : sql`NULL::tsquery`;
}

/**
 * The text condition: the document, plus a ticket number or the contacts found for the query.
 * `candidates` loosens phrases into their words (what the GIN index can find before the positions
 * are checked): the planner's estimate of that set says what reading the index would cost.
 */
export function textMatch(
  query: ParsedQuery,
  mode: Mode,
  doc: Prisma.Sql,
  contacts: string[],
  candidates = false,
): Prisma.Sql | null {
  const or: Prisma.Sql[] = [];
  if (mode === "e" && candidates) {
    or.push(sql`${doc} @@ regexp_replace(${tsQuery(query, "e")}::text, '<(-|[0-9]+)>', '&', 'g')::tsquery`);
  } else if (mode === "e") or.push(sql`${doc} @@ ${tsQuery(query, "e")}`);
  else {
    const prefix = prefixQuerySource(query.fuzzyTerms);
    if (prefix) or.push(sql`${doc} @@ to_tsquery('english', ${prefix})`);
  }
  if (mode === "e" && query.number !== null) or.push(sql`t."number" = ${query.number}`);
  // Literal ids, so the (workspace, contact) index joins the GIN index in one bitmap.
  if (contacts.length) or.push(sql`t."contactId" IN (${join(contacts)})`);
  return or.length ? sql`(${join(or, " OR ")})` : null;
}

/** Whether the query may be loosened at all: a prefix to try or a name or email to spell nearly. */
export function canLoosen(query: ParsedQuery): boolean {
  return query.fuzzyTerms.length > 0 || query.fuzzyText !== "";
}

/** Contacts the query names: exactly by email, or in the fallback by a near spelling of name or email. */
export async function contactsFor(ctx: ActorContext, query: ParsedQuery, mode: Mode): Promise<string[]> {
  if (mode === "e" && query.email) {
    // The contact the address belongs to, as its own or a further (merged) address.
    const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "public"."Contact" c
      WHERE c."workspaceId" = ${ctx.workspaceId} AND c."email" = ${query.email}
      UNION SELECT e."contactId" FROM "public"."ContactEmail" e
      WHERE e."workspaceId" = ${ctx.workspaceId} AND e."email" = ${query.email}`;
    return rows.map((r) => r.id);
  }
  if (mode === "f" && query.fuzzyText) {
    const q = query.fuzzyText;
    const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "public"."Contact" c
      WHERE c."workspaceId" = ${ctx.workspaceId} AND ${nearSpelling(q)}
      ORDER BY greatest(similarity(c."name", ${q}), similarity(coalesce(c."email", ''), ${q})) DESC, c."id"
      LIMIT ${FUZZY_CONTACTS}`;
    return rows.map((r) => r.id);
  }
  return [];
}

/**
 * The filters' conditions on tickets `t`; the created range among them unless `range` is false, the
 * SLA filter unless `sla` is false (a caller that reads "breached" as two branches, see breachedBranches),
 * the spam condition unless `spam` is false.
 */
export function filterConditions(
  ctx: ActorContext,
  f: TicketListFilters,
  range = true,
  sla = true,
  spam = true,
): Prisma.Sql[] {
  const and = [sql`t."workspaceId" = ${ctx.workspaceId}`];
  // Spam stays out of every list but the Spam view (TicketCount, read with spam false, has no such column).
  if (spam && f.spam === "only") and.push(sql`t."spam"`);
  else if (spam && f.spam !== "include") and.push(sql`NOT t."spam"`);
  if (f.status) and.push(sql`t."status" = CAST(${f.status} AS "public"."TicketStatus")`);
  // Served by the (workspace, caseStatusId, updatedAt, id) index in the list's order.
  if (f.case_status) and.push(sql`t."caseStatusId" = ${f.case_status}`);
  if (f.priority) and.push(sql`t."priority" = CAST(${f.priority} AS "public"."TicketPriority")`);
  if (f.assignee === "me") and.push(sql`t."assigneeId" = ${ctx.userId ?? "__none__"}`);
  else if (f.assignee === "unassigned") and.push(sql`t."assigneeId" IS NULL`);
  else if (f.assignee) and.push(sql`t."assigneeId" = ${f.assignee}`);
  if (f.team === "none") and.push(sql`t."teamId" IS NULL`);
  else if (f.team) and.push(sql`t."teamId" = ${f.team}`);
  if (f.tag) {
    and.push(sql`EXISTS (SELECT 1 FROM "public"."TicketTag" tt JOIN "public"."Tag" g ON g."id" = tt."tagId"
      WHERE tt."ticketId" = t."id" AND g."workspaceId" = ${ctx.workspaceId} AND g."name" = ${f.tag.toLowerCase()})`);
  }
  if (f.contact) and.push(sql`t."contactId" = ${f.contact}`);
  if (f.sla && sla) and.push(slaCondition(f.sla, new Date()));
  if (range) and.push(...rangeConditions(f));
  return and;
}

/** One hour: what "due within 1 h" looks ahead. */
export const SLA_DUE_SOON_MS = 3_600_000;

/**
 * The SLA filters, each served by the partial (workspace, slaDueAt) / (workspace, slaBreachedAt)
 * indexes, which hold only tickets with a running clock or a breach. "Breached" also takes a due time
 * that passed since the breach job last ran, so the list never lags the job.
 */
export function slaCondition(filter: NonNullable<TicketListFilters["sla"]>, now: Date): Prisma.Sql {
  const at = sql`${now.toISOString()}::timestamp(3)`;
  if (filter === "breached") return sql`(t."slaBreachedAt" IS NOT NULL OR t."slaDueAt" <= ${at})`;
  const until = sql`${new Date(now.getTime() + SLA_DUE_SOON_MS).toISOString()}::timestamp(3)`;
  return sql`t."slaDueAt" > ${at} AND t."slaDueAt" <= ${until}`;
}

/**
 * "Breached" as two disjoint branches, each cheap on its own index: tickets the job or a write
 * flagged (the partial (workspace, updatedAt, id) index of flagged tickets, in the list's order), and
 * the few whose due time passed since the job last ran (the partial (workspace, slaDueAt) index).
 * One OR over both would read every flagged ticket to sort them.
 */
export function breachedBranches(now: Date): [Prisma.Sql, Prisma.Sql] {
  const at = sql`${now.toISOString()}::timestamp(3)`;
  return [sql`t."slaBreachedAt" IS NOT NULL`, sql`t."slaBreachedAt" IS NULL AND t."slaDueAt" <= ${at}`];
}

/** The created range's conditions on tickets `t` (none without a range). */
export function rangeConditions(f: TicketListFilters): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (f.created_after) and.push(sql`t."createdAt" >= ${f.created_after.toISOString()}::timestamp(3)`);
  if (f.created_before) and.push(sql`t."createdAt" < ${f.created_before.toISOString()}::timestamp(3)`);
  return and;
}

/**
 * The planner's estimates change only when PostgreSQL gathers new statistics (ANALYZE, which
 * autovacuum runs as a table changes), so each asked-for plan's answer is kept for a minute: a search
 * repeated within it skips its EXPLAIN round trip. They only choose between ways to the same rows.
 */
const ESTIMATE_TTL_MS = 60_000;
const ESTIMATES_KEPT = 1_000;
const estimates = new Map<string, { until: number; rows: number[] }>();

async function planRows(statement: Prisma.Sql, read: (statement: Prisma.Sql) => Promise<number[]>) {
  const key = `${statement.sql}\u0000${JSON.stringify(statement.values)}`;
  const now = Date.now();
  const kept = estimates.get(key);
  if (kept && kept.until > now) return kept.rows;
  const rows = await read(statement);
  if (estimates.size >= ESTIMATES_KEPT) estimates.clear();
  estimates.set(key, { until: now + ESTIMATE_TTL_MS, rows });
  return rows;
}

/**
 * The planner's estimates of how many tickets `t` meet `and`, and how many of those also meet `more`
 * (one EXPLAIN of both, no execution).
 */
export async function estimateShare(and: Prisma.Sql[], more: Prisma.Sql): Promise<{ all: number; matching: number }> {
  const [matching = 0, all = 0] = await planRows(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "public"."Ticket" t WHERE ${join([...and, more], " AND ")}
    UNION ALL SELECT 1 FROM "public"."Ticket" t WHERE ${join(and, " AND ")}`,
    async (statement) => {
      const [row] =
        await prisma.$queryRaw<[{ "QUERY PLAN": [{ Plan: { Plans?: { "Plan Rows": number }[] } }] }]>(statement);
      return (row["QUERY PLAN"][0]?.Plan.Plans ?? []).map((plan) => Math.round(plan["Plan Rows"]));
    },
  );
  return { all, matching };
}

/** The planner's estimate of how many tickets `t` meet the conditions (one EXPLAIN, no execution). */
export async function estimateTickets(and: Prisma.Sql[]): Promise<number> {
  const [rows = 0] = await planRows(
    sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "public"."Ticket" t WHERE ${join(and, " AND ")}`,
    async (statement) => {
      const [row] = await prisma.$queryRaw<[{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }]>(statement);
      return [Math.round(row["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0)];
    },
  );
  return rows;
}
