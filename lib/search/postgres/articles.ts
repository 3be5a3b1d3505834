import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleHit } from "@/lib/search/engine";
import { tsQuery, type Mode } from "@/lib/search/postgres/ticket-conditions";
import { parseQuery, type ParsedQuery } from "@/lib/search/query";
import { CursorId, CursorTime, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import type { ArticleSearchFilters } from "@/lib/validations/knowledge";

const { sql, join } = Prisma;

/** Snippets read at most this many characters of an article's body. */
const SNIPPET_BODY_CHARS = 20_000;
const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';
const ISO = sql`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const ModeSchema = z.enum(["e", "f"]);
const CursorShape = z.discriminatedUnion("s", [
  z.object({ s: z.literal("r"), m: ModeSchema, r: z.number().finite(), i: CursorId }),
  z.object({ s: z.literal("u"), u: CursorTime, i: CursorId }),
]);
type Cursor = z.infer<typeof CursorShape>;

type Row = { id: string; u: string | null; r: number | null };

/**
 * Articles of one workspace: with text, by relevance (a title match above a body match) with
 * where the text matched; without, the most recently updated first. When the words as typed
 * find nothing, each word is tried as a prefix ("pass" finds "password"). The public help
 * center passes status "published", so drafts never reach it.
 */
export async function searchArticleIds(
  scope: Pick<ActorContext, "workspaceId">,
  filters: ArticleSearchFilters,
): Promise<Page<ArticleHit>> {
  const query = filters.q ? parseQuery(filters.q) : null;
  const cursor = decodeCursor(
    filters.cursor,
    CursorShape.refine((c) => (query ? c.s === "r" : c.s === "u")),
  );
  let mode: Mode = cursor?.s === "r" ? cursor.m : "e";
  let rows = await pageRows(scope, filters, query, mode, cursor);
  if (!cursor && rows.length === 0 && query && query.fuzzyTerms.length) {
    mode = "f";
    rows = await pageRows(scope, filters, query, mode, null);
  }
  const hasMore = rows.length > filters.limit;
  const page = rows.slice(0, filters.limit);
  const snippets = query && page.length ? await snippetsFor(page, query, mode) : new Map<string, string>();
  const last = page.at(-1);
  const next: Cursor | null =
    hasMore && last
      ? query
        ? { s: "r", m: mode, r: last.r ?? 0, i: last.id }
        : { s: "u", u: last.u!, i: last.id }
      : null;
  return {
    items: page.map((row) => ({ id: row.id, snippet: snippets.get(row.id) ?? null })),
    next_cursor: next ? encodeCursor(next) : null,
    has_more: hasMore,
  };
}

async function pageRows(
  scope: Pick<ActorContext, "workspaceId">,
  filters: ArticleSearchFilters,
  query: ParsedQuery | null,
  mode: Mode,
  cursor: Cursor | null,
): Promise<Row[]> {
  const and = [sql`a."workspaceId" = ${scope.workspaceId}`];
  if (filters.status) and.push(sql`a."status" = CAST(${filters.status} AS "public"."ArticleStatus")`);
  if (filters.categoryId) and.push(sql`a."categoryId" = ${filters.categoryId}`);
  const take = filters.limit + 1;
  if (!query) {
    if (cursor?.s === "u") and.push(sql`(a."updatedAt", a."id") < (${cursor.u}::timestamp(3), ${cursor.i})`);
    return prisma.$queryRaw<Row[]>`
      SELECT a."id", to_char(a."updatedAt", ${ISO}) AS "u", NULL AS "r" FROM "public"."Article" a
       WHERE ${join(and, " AND ")} ORDER BY a."updatedAt" DESC, a."id" DESC LIMIT ${take}`;
  }
  const q = tsQuery(query, mode);
  and.push(sql`a."search" @@ ${q}`);
  const after = cursor?.s === "r" ? sql`WHERE (x."r", x."id") < (${cursor.r}::float8, ${cursor.i})` : Prisma.empty;
  return prisma.$queryRaw<Row[]>`
    SELECT x."id", NULL AS "u", x."r" FROM (
      SELECT a."id", ts_rank(a."search", ${q})::float8 AS "r" FROM "public"."Article" a WHERE ${join(and, " AND ")}
    ) x ${after}
    ORDER BY x."r" DESC, x."id" DESC LIMIT ${take}`;
}

/** Where each article matched: its body when the text is there, else its title. */
async function snippetsFor(rows: Row[], query: ParsedQuery, mode: Mode) {
  const q = tsQuery(query, mode);
  const clean = (text: Prisma.Sql) => sql`replace(replace(${text}, '<mark>', ''), '</mark>', '')`;
  const found = await prisma.$queryRaw<{ id: string; body: string | null; title: string | null }[]>`
    SELECT a."id",
      CASE WHEN to_tsvector('english', left(a."body", ${SNIPPET_BODY_CHARS})) @@ ${q}
        THEN ts_headline('english', ${clean(sql`left(a."body", ${SNIPPET_BODY_CHARS})`)}, ${q}, ${HEADLINE}) END AS "body",
      ts_headline('english', ${clean(sql`a."title"`)}, ${q}, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true') AS "title"
    FROM "public"."Article" a WHERE a."id" IN (${join(rows.map((r) => r.id))})`;
  const snippets = new Map<string, string>();
  for (const row of found) {
    const snippet = row.body ?? (row.title?.includes("<mark>") ? row.title : null);
    if (snippet) snippets.set(row.id, snippet);
  }
  return snippets;
}
