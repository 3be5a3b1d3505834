import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { nearSpelling } from "@/lib/search/postgres/contacts";
import { parseQuery, prefixQuerySource, type ParsedQuery } from "@/lib/search/query";
import type { TicketHit } from "@/lib/search/engine";
import { CursorId, CursorTime, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import { TICKET_PRIORITIES, type TicketListFilters } from "@/lib/validations/tickets";

type TicketPriority = (typeof TICKET_PRIORITIES)[number];

const { sql, join, raw, empty } = Prisma;

/** Relevance ranks the newest this-many matches; older matches are left out of a relevance sort. */
export const RELEVANCE_CANDIDATES = 2_000;
/** Snippets read at most this many characters of a message and this many messages of a ticket. */
const SNIPPET_BODY_CHARS = 5_000;
const SNIPPET_MESSAGES = 50;
/** The fallback matches the tickets of at most this many contacts with names or emails spelled nearly like the query. */
const FUZZY_CONTACTS = 50;
const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "';

type Mode = "e" | "f";

const Mode = z.enum(["e", "f"]);
const CursorShape = z.discriminatedUnion("s", [
  z.object({ s: z.literal("updated"), m: Mode, u: CursorTime, i: CursorId }),
  z.object({ s: z.literal("created"), m: Mode, u: CursorTime, i: CursorId }),
  z.object({ s: z.literal("priority"), m: Mode, p: z.enum(TICKET_PRIORITIES), u: CursorTime, i: CursorId }),
  z.object({ s: z.literal("relevance"), m: Mode, r: z.number().finite(), i: CursorId }),
]);
type Cursor = z.infer<typeof CursorShape>;

type Row = { id: string; u: string | null; p: string | null; r: number | null };

const ISO = sql`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The ticket list and ticket search: ids of one page in order, with snippets when there is text. */
export async function searchTicketIds(ctx: ActorContext, filters: TicketListFilters): Promise<Page<TicketHit>> {
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
  const snippets = query && page.length ? await snippetsFor(page, query, mode, filters.include_notes) : new Map();
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ id: row.id, snippet: snippets.get(row.id) ?? null })),
    next_cursor: hasMore && last ? encodeCursor(cursorFor(sort, mode, last)) : null,
    has_more: hasMore,
  };
}

function cursorFor(sort: TicketListFilters["sort"], m: Mode, row: Row): Cursor {
  if (sort === "relevance") return { s: sort, m, r: row.r ?? 0, i: row.id };
  if (sort === "priority") return { s: sort, m, p: row.p as TicketPriority, u: row.u!, i: row.id };
  return { s: sort, m, u: row.u!, i: row.id };
}

function tsQuery(query: ParsedQuery, mode: Mode): Prisma.Sql {
  if (mode === "e") return sql`websearch_to_tsquery('english', ${query.text})`;
  const prefix = prefixQuerySource(query.fuzzyTerms);
  return prefix ? sql`to_tsquery('english', ${prefix})` : sql`NULL::tsquery`;
}

/** The text condition: the document, plus a ticket number or the contacts found for the query. */
function textMatch(query: ParsedQuery, mode: Mode, doc: Prisma.Sql, contacts: string[]): Prisma.Sql | null {
  const or: Prisma.Sql[] = [];
  if (mode === "e") or.push(sql`${doc} @@ ${tsQuery(query, "e")}`);
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
function canLoosen(query: ParsedQuery): boolean {
  return query.fuzzyTerms.length > 0 || query.fuzzyText !== "";
}

/** Contacts the query names: exactly by email, or in the fallback by a near spelling of name or email. */
async function contactsFor(ctx: ActorContext, query: ParsedQuery, mode: Mode): Promise<string[]> {
  if (mode === "e" && query.email) {
    const rows = await prisma.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "public"."Contact" c
      WHERE c."workspaceId" = ${ctx.workspaceId} AND c."email" = ${query.email}`;
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

/** The ticket with this number, when it passes the filters (one lookup on the (workspace, number) key). */
async function numberedTicket(ctx: ActorContext, filters: TicketListFilters, number: number): Promise<Row | null> {
  const and = filterConditions(ctx, filters);
  const column = raw(filters.sort === "created" ? `t."createdAt"` : `t."updatedAt"`);
  const rows = await prisma.$queryRaw<
    Row[]
  >`SELECT t."id", to_char(${column}, ${ISO}) AS "u", t."priority"::text AS "p", NULL AS "r"
    FROM "public"."Ticket" t WHERE ${join(and, " AND ")} AND t."number" = ${number}`;
  return rows[0] ?? null;
}

function filterConditions(ctx: ActorContext, f: TicketListFilters): Prisma.Sql[] {
  const and = [sql`t."workspaceId" = ${ctx.workspaceId}`];
  if (f.status) and.push(sql`t."status" = CAST(${f.status} AS "public"."TicketStatus")`);
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
  if (f.created_after) and.push(sql`t."createdAt" >= ${f.created_after.toISOString()}::timestamp(3)`);
  if (f.created_before) and.push(sql`t."createdAt" < ${f.created_before.toISOString()}::timestamp(3)`);
  return and;
}

/**
 * Two ways to the first rows of a text search, chosen here rather than by the
 * planner, whose guess at how many tickets match a word is often far off:
 * walk the filtered tickets in the page's order through a btree index and test
 * the newest WINDOW of them (bounded, and exact when a page's worth matches
 * there), else read every match from the workspace's GIN index, which is cheap
 * exactly when matches are rare.
 */
const WINDOW = 4_000;
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
  const and = filterConditions(ctx, filters);
  if (excludeId) and.push(sql`t."id" <> ${excludeId}`);
  const take = filters.limit + 1;
  const text = query ? textMatch(query, mode, doc, await contactsFor(ctx, query, mode)) : null;
  if (query && !text) return [];

  if (sort === "relevance" && query && text) {
    const candidates = (source: Prisma.Sql) => sql`(SELECT t.* FROM ${source} t
      ORDER BY t."updatedAt" DESC, t."id" DESC LIMIT ${RELEVANCE_CANDIDATES}) t`;
    const bonus = query.number !== null ? sql` + CASE WHEN t."number" = ${query.number} THEN 1 ELSE 0 END` : empty;
    const after = cursor?.s === "relevance" ? sql`WHERE (x."r", x."id") < (${cursor.r}::float8, ${cursor.i})` : empty;
    const ranked = (source: Prisma.Sql) => prisma.$queryRaw<(Row & { n: bigint })[]>`
      SELECT x."id", NULL AS "u", NULL AS "p", x."r", x."n" FROM (
        SELECT t."id", (coalesce(ts_rank(${doc}, ${tsQuery(query, mode)}), 0)${bonus})::float8 AS "r", count(*) OVER () AS "n"
          FROM ${candidates(source)}
      ) x ${after}
      ORDER BY x."r" DESC, x."id" DESC LIMIT ${take}`;
    const order = sql`t."updatedAt" DESC, t."id" DESC`;
    const walked = await ranked(windowed(and, order, RELEVANCE_WINDOW, text));
    // The candidates are the newest matches: found in the walk when it holds enough of them.
    if (walked.length && Number(walked[0]!.n) >= RELEVANCE_CANDIDATES) return walked;
    return ranked(fromIndex(ctx, and, text));
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
    SELECT t."id", ${keys}, NULL AS "r" FROM ${source} t ORDER BY ${order} LIMIT ${take}`;
  if (!text) return select(sql`(SELECT t.* FROM "public"."Ticket" t WHERE ${join(and, " AND ")})`);
  const walked = await select(windowed(and, order, WINDOW, text));
  if (walked.length >= take) return walked;
  return select(fromIndex(ctx, and, text));
}

/** The newest `size` tickets passing the filters, in the page's order, then those matching the text. */
function windowed(and: Prisma.Sql[], order: Prisma.Sql, size: number, text: Prisma.Sql): Prisma.Sql {
  return sql`(SELECT t.* FROM (SELECT t.* FROM "public"."Ticket" t WHERE ${join(and, " AND ")}
    ORDER BY ${order} LIMIT ${size}) t WHERE ${text})`;
}

/** Every match from the GIN index on (workspace, document), materialised so the planner cannot walk instead. */
function fromIndex(ctx: ActorContext, and: Prisma.Sql[], text: Prisma.Sql): Prisma.Sql {
  return sql`(WITH m AS MATERIALIZED (
      SELECT t."id" FROM "public"."Ticket" t WHERE t."workspaceId" = ${ctx.workspaceId} AND ${text})
    SELECT t.* FROM "public"."Ticket" t JOIN m ON m."id" = t."id" WHERE ${join(and, " AND ")})`;
}

/**
 * Where each row matched: the first matching message (notes only when allowed), else the subject.
 * Runs for the page's rows only, on bounded text, so its cost does not grow with the workspace.
 */
async function snippetsFor(rows: Row[], query: ParsedQuery, mode: Mode, includeNotes: boolean) {
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
    FROM "public"."Ticket" t WHERE t."id" IN (${join(rows.map((r) => r.id))})`;
  const snippets = new Map<string, string>();
  for (const row of found) {
    const snippet = row.body ?? (row.subject?.includes("<mark>") ? row.subject : null);
    if (snippet) snippets.set(row.id, snippet);
  }
  return snippets;
}
