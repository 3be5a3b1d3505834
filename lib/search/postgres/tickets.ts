import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  breachedBranches,
  canLoosen,
  contactsFor,
  estimateShare,
  estimateTickets,
  filterConditions,
  rangeConditions,
  slaCondition,
  textMatch,
  tsQuery,
  type Mode,
} from "@/lib/search/postgres/ticket-conditions";
import { parseQuery, type ParsedQuery } from "@/lib/search/query";
import type { TicketPage } from "@/lib/search/engine";
import { CursorId, CursorTime, decodeCursor, encodeCursor } from "@/lib/validations/common";
import { TICKET_PRIORITIES, type TicketListFilters } from "@/lib/validations/tickets";

type TicketPriority = (typeof TICKET_PRIORITIES)[number];

const { sql, join, raw, empty } = Prisma;

/** Relevance ranks the newest this-many matches; older matches are left out of a relevance sort. */
export const RELEVANCE_CANDIDATES = 2_000;
/** Snippets read at most this many characters of a message and this many messages of a ticket. */
const SNIPPET_BODY_CHARS = 5_000;
const SNIPPET_MESSAGES = 50;
const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "';

const ModeSchema = z.enum(["e", "f"]);
const CursorShape = z.discriminatedUnion("s", [
  z.object({ s: z.literal("updated"), m: ModeSchema, u: CursorTime, i: CursorId }),
  z.object({ s: z.literal("created"), m: ModeSchema, u: CursorTime, i: CursorId }),
  z.object({ s: z.literal("priority"), m: ModeSchema, p: z.enum(TICKET_PRIORITIES), u: CursorTime, i: CursorId }),
  z.object({ s: z.literal("relevance"), m: ModeSchema, r: z.number().finite(), i: CursorId }),
]);
type Cursor = z.infer<typeof CursorShape>;

type Row = { id: string; number: number; u: string | null; p: string | null; r: number | null };

const ISO = sql`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The ticket list and ticket search: ids of one page in order (snippets: ticketSnippets). */
export async function searchTicketIds(ctx: ActorContext, filters: TicketListFilters): Promise<TicketPage> {
  const query = filters.q ? parseQuery(filters.q) : null;
  const sort = filters.sort === "relevance" && !query ? "updated" : filters.sort;
  // A cursor from another sort order is as foreign as an edited one.
  const cursor = decodeCursor(
    filters.cursor,
    CursorShape.refine((c) => c.s === sort),
  );
  const doc = raw(filters.include_notes ? `t."searchAll"` : `t."searchPublic"`);

  // The ticket a number names comes first, then the other matches in the page's order (relevance
  // ranks it first by itself). A one-row page keeps plain order, so its cursor stays a plain keyset.
  const pinned =
    query?.number != null && sort !== "relevance" && filters.limit > 1
      ? await numberedTicket(ctx, filters, query.number)
      : null;
  let mode: Mode = cursor?.m ?? "e";
  let rows = await pageRows(ctx, filters, sort, query, mode, doc, cursor, pinned?.id);
  if (!cursor && rows.length === 0 && !pinned && query && canLoosen(query)) {
    mode = "f";
    rows = await pageRows(ctx, filters, sort, query, mode, doc, null);
  }
  if (pinned && !cursor) rows = [pinned, ...rows];

  const hasMore = rows.length > filters.limit;
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ id: row.id, number: row.number })),
    next_cursor: hasMore && last ? encodeCursor(cursorFor(sort, mode, last)) : null,
    has_more: hasMore,
    loosened: mode === "f",
  };
}

/** Where the text matched each ticket of a page found with it (see SearchEngine.ticketSnippets). */
export async function ticketSnippets(
  ctx: ActorContext,
  filters: TicketListFilters,
  page: TicketPage,
): Promise<Map<string, string>> {
  const query = filters.q ? parseQuery(filters.q) : null;
  if (!query || page.items.length === 0) return new Map();
  return snippetsFor(ctx, page.items, query, page.loosened ? "f" : "e", filters.include_notes);
}

function cursorFor(sort: TicketListFilters["sort"], m: Mode, row: Row): Cursor {
  if (sort === "relevance") return { s: sort, m, r: row.r ?? 0, i: row.id };
  if (sort === "priority") return { s: sort, m, p: row.p as TicketPriority, u: row.u!, i: row.id };
  return { s: sort, m, u: row.u!, i: row.id };
}

/** The ticket with this number, when it passes the filters (one lookup on the (workspace, number) key). */
async function numberedTicket(ctx: ActorContext, filters: TicketListFilters, number: number): Promise<Row | null> {
  const and = filterConditions(ctx, filters);
  const column = raw(filters.sort === "created" ? `t."createdAt"` : `t."updatedAt"`);
  const rows = await prisma.$queryRaw<
    Row[]
  >`SELECT t."id", t."number", to_char(${column}, ${ISO}) AS "u", t."priority"::text AS "p", NULL AS "r"
    FROM "public"."Ticket" t WHERE ${join(and, " AND ")} AND t."number" = ${number}`;
  return rows[0] ?? null;
}

/**
 * Two ways to the first rows of a text search, chosen here rather than left to
 * the planner, whose plans for a word it misjudges can read a whole workspace:
 * walk the filtered tickets in the page's order through a btree index and test
 * the newest WINDOW of them (bounded, and exact when a page's worth matches
 * there), else read every match from the GIN indexes, which is cheap
 * exactly when matches are rare. When the query is one term (or terms joined
 * by OR) and the planner expects it to match fewer than RARE tickets, the index
 * comes first: a walk would likely come back short after testing a whole
 * window. Either way the rows are the same.
 */
const WINDOW = 4_000;
const RARE = 5_000;
/** A created range expected to hold fewer tickets is read from its own index before any walk. */
const RANGE_FIRST = 20_000;
/** Relevance reads further back before going to the GIN index, to find its candidates in one walk. */
const RELEVANCE_WINDOW = 10_000;

async function pageRows(
  ctx: ActorContext,
  filters: TicketListFilters,
  sort: TicketListFilters["sort"],
  query: ParsedQuery | null,
  mode: Mode,
  doc: Prisma.Sql,
  cursor: Cursor | null,
  excludeId?: string,
): Promise<Row[]> {
  // `and` holds every condition but the created range, which `range` holds (see below for why).
  // "Breached" without text is read as two branches (breachedBranches); every other path takes its plain condition.
  const breached = filters.sla === "breached" && !query;
  const and = filterConditions(ctx, filters, false, !breached);
  const range = rangeConditions(filters);
  if (excludeId) and.push(sql`t."id" <> ${excludeId}`);
  const take = filters.limit + 1;
  const contacts = query ? await contactsFor(ctx, query, mode) : [];
  const text = query ? textMatch(query, mode, doc, contacts) : null;
  if (query && !text) return [];
  // Only a single word (or words joined by OR) may jump to the index: for words that must all match,
  // the planner multiplies their frequencies as if they were independent, and words that come
  // together (a phrase) are far commoner than that.
  const rare = async () =>
    singleTerm(query!) && (await estimateTickets([and[0]!, textMatch(query!, mode, doc, contacts, true)!])) < RARE;
  // The walk in a plain order pays only when the newest WINDOW tickets are expected to hold a page of
  // matches. A word the planner's statistics do not know is estimated at a fixed share of the
  // workspace: in a large one that share is above RARE yet far too thin for a page in the window.
  const sparse = async () => {
    if (!singleTerm(query!)) return false;
    const { all, matching } = await estimateShare([and[0]!], textMatch(query!, mode, doc, contacts, true)!);
    return matching < RARE || (matching * WINDOW) / Math.max(all, 1) < take;
  };

  if (sort === "relevance" && query && text) {
    const candidates = (source: Prisma.Sql) => sql`(SELECT t.* FROM ${source} t
      ORDER BY t."updatedAt" DESC, t."id" DESC LIMIT ${RELEVANCE_CANDIDATES}) t`;
    const bonus = query.number !== null ? sql` + CASE WHEN t."number" = ${query.number} THEN 1 ELSE 0 END` : empty;
    const after = cursor?.s === "relevance" ? sql`WHERE (x."r", x."id") < (${cursor.r}::float8, ${cursor.i})` : empty;
    const ranked = (source: Prisma.Sql) => prisma.$queryRaw<(Row & { n: bigint })[]>`
      SELECT x."id", x."number", NULL AS "u", NULL AS "p", x."r", x."n" FROM (
        SELECT t."id", t."number", (coalesce(ts_rank(${doc}, ${tsQuery(query, mode)}), 0)${bonus})::float8 AS "r", count(*) OVER () AS "n"
          FROM ${candidates(source)}
      ) x ${after}
      ORDER BY x."r" DESC, x."id" DESC LIMIT ${take}`;
    const order = sql`t."updatedAt" DESC, t."id" DESC`;
    const all = [...and, ...range];
    if (await rare()) return ranked(fromIndex(all, text, doc));
    const walked = await ranked(windowed(all, order, RELEVANCE_WINDOW, text));
    // The candidates are the newest matches: found in the walk when it holds enough of them.
    if (walked.length && Number(walked[0]!.n) >= RELEVANCE_CANDIDATES) return walked;
    return ranked(fromIndex(all, text, doc));
  }

  let order: Prisma.Sql;
  let keys: Prisma.Sql;
  if (sort === "priority") {
    if (cursor?.s === "priority") {
      and.push(sql`(t."priority", t."updatedAt", t."id") <
        (CAST(${cursor.p} AS "public"."TicketPriority"), ${cursor.u}::timestamp(3), ${cursor.i})`);
    }
    order = sql`t."priority" DESC, t."updatedAt" DESC, t."id" DESC`;
    keys = sql`to_char(t."updatedAt", ${ISO}) AS "u", t."priority"::text AS "p"`;
  } else {
    const column = raw(sort === "created" ? `t."createdAt"` : `t."updatedAt"`);
    if (cursor && (cursor.s === "updated" || cursor.s === "created")) {
      and.push(sql`(${column}, t."id") < (${cursor.u}::timestamp(3), ${cursor.i})`);
    }
    order = sql`${column} DESC, t."id" DESC`;
    keys = sql`to_char(${column}, ${ISO}) AS "u", NULL AS "p"`;
  }
  const select = (source: Prisma.Sql) => prisma.$queryRaw<Row[]>`
    SELECT t."id", t."number", ${keys}, NULL AS "r" FROM ${source} t ORDER BY ${order} LIMIT ${take}`;
  let all = [...and, ...range];
  if (!text && (!range.length || sort === "created")) {
    if (breached) {
      const [flagged, passed] = breachedBranches(new Date());
      return select(sql`((SELECT t.* FROM "public"."Ticket" t WHERE ${join([...all, flagged], " AND ")}
        ORDER BY ${order} LIMIT ${take})
        UNION ALL (SELECT t.* FROM "public"."Ticket" t WHERE ${join([...all, passed], " AND ")}))`);
    }
    return select(sql`(SELECT t.* FROM "public"."Ticket" t WHERE ${join(all, " AND ")})`);
  }
  if (breached) {
    and.push(slaCondition("breached", new Date()));
    all = [...and, ...range];
  }
  if (!text) {
    // A created range in another order: walking that order's index would read past every newer
    // ticket to reach an old range. A range of few tickets is read whole from its own index (index
    // only, then sorted); a wide one, likely to hold recent tickets, tries the newest window first.
    if ((await estimateTickets([and[0]!, ...range])) < RANGE_FIRST)
      return select(fromCreatedRange(ctx, all, range, order, take));
    const walked = await select(windowed(and, order, WINDOW, join(range, " AND ")));
    if (walked.length >= take) return walked;
    return select(fromCreatedRange(ctx, all, range, order, take));
  }
  if (await sparse()) return select(fromIndex(all, text));
  const walked = await select(windowed(all, order, WINDOW, text));
  if (walked.length >= take) return walked;
  return select(fromIndex(all, text));
}

/** Whether the query names one term, or several joined only by OR. */
function singleTerm(query: ParsedQuery): boolean {
  if (query.text.includes('"')) return false;
  const words = query.text.split(/\s+/).filter(Boolean);
  return words.every((word, i) => (i % 2 === 1 ? word.toLowerCase() === "or" : !word.startsWith("-")));
}

/** The newest `size` tickets passing the filters, in the page's order, then those matching the text. */
function windowed(and: Prisma.Sql[], order: Prisma.Sql, size: number, text: Prisma.Sql): Prisma.Sql {
  return sql`(SELECT t.* FROM (SELECT t.* FROM "public"."Ticket" t WHERE ${join(and, " AND ")}
    ORDER BY ${order} LIMIT ${size}) t WHERE ${text})`;
}

/**
 * Every match from the GIN indexes on (workspace, status, document) with every filter applied there,
 * materialised (with the columns the orders and ranking read) so the planner cannot walk instead.
 */
function fromIndex(all: Prisma.Sql[], text: Prisma.Sql, rankDoc?: Prisma.Sql): Prisma.Sql {
  return sql`(WITH m AS MATERIALIZED (
      SELECT t."id", t."number", t."updatedAt", t."createdAt", t."priority"${rankDoc ? sql`, ${rankDoc}` : empty}
        FROM "public"."Ticket" t WHERE ${join(all, " AND ")} AND ${text})
    SELECT t.* FROM m t)`;
}

/**
 * The first `take` tickets created in the range, in the page's order: the range read from the
 * (workspace, created) index alone (it carries the other orders' columns), sorted there, and only
 * then each ticket, in that order, checked against the other filters until the page is full (the
 * lateral join keeps the order, so the LIMIT stops the walk).
 */
function fromCreatedRange(
  ctx: ActorContext,
  all: Prisma.Sql[],
  range: Prisma.Sql[],
  order: Prisma.Sql,
  take: number,
): Prisma.Sql {
  return sql`(WITH m AS MATERIALIZED (
      SELECT t."id", t."updatedAt", t."priority" FROM "public"."Ticket" t
       WHERE t."workspaceId" = ${ctx.workspaceId} AND ${join(range, " AND ")})
    SELECT x.* FROM (SELECT t."id" AS "mid", t.* FROM m t ORDER BY ${order}) t
      CROSS JOIN LATERAL (SELECT t.* FROM "public"."Ticket" t WHERE t."id" = "mid" AND ${join(all, " AND ")} OFFSET 0) x
    ORDER BY ${order} LIMIT ${take})`;
}

/**
 * Where each row matched: the first matching message (notes only when allowed), else the subject.
 * Runs for the page's rows only, on bounded text, so its cost does not grow with the workspace.
 */
async function snippetsFor(
  ctx: ActorContext,
  rows: { id: string }[],
  query: ParsedQuery,
  mode: Mode,
  includeNotes: boolean,
) {
  const q = tsQuery(query, mode);
  const kinds = includeNotes ? empty : sql`AND m."kind" = 'reply'`;
  const clean = (text: Prisma.Sql) => sql`replace(replace(${text}, '<mark>', ''), '</mark>', '')`;
  const found = await prisma.$queryRaw<{ id: string; body: string | null; subject: string | null }[]>`
    SELECT t."id",
      (SELECT ts_headline('english', ${clean(sql`m."body"`)}, ${q}, ${HEADLINE})
         FROM (SELECT left(m."body", ${SNIPPET_BODY_CHARS}) AS "body" FROM "public"."Message" m
                WHERE m."ticketId" = t."id" ${kinds} ORDER BY m."createdAt", m."id" LIMIT ${SNIPPET_MESSAGES}) m
        WHERE to_tsvector('english', m."body") @@ ${q} LIMIT 1) AS "body",
      ts_headline('english', ${clean(sql`t."subject"`)}, ${q}, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') AS "subject"
    FROM "public"."Ticket" t WHERE t."workspaceId" = ${ctx.workspaceId} AND t."id" IN (${join(rows.map((r) => r.id))})`;
  const snippets = new Map<string, string>();
  for (const row of found) {
    const snippet = row.body ?? (row.subject?.includes("<mark>") ? row.subject : null);
    if (snippet) snippets.set(row.id, snippet);
  }
  return snippets;
}
