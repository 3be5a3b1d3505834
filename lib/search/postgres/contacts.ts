import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { CursorId, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import type { SearchContactsFilters } from "@/lib/validations/contacts";

const { sql, join } = Prisma;

/**
 * Trigram similarity a near spelling needs. pg_trgm's 0.3 (the % operator,
 * which the GIN indexes serve) lets every address at one domain match any
 * other; 0.5 still takes "carla mendes" for Carla Mendez and one swapped pair
 * of letters in an email.
 */
const NEAR = 0.5;

/** A contact whose name or email is spelled nearly like q. */
export function nearSpelling(q: string): Prisma.Sql {
  return sql`((c."name" % ${q} AND similarity(c."name", ${q}) >= ${NEAR})
    OR (c."email" % ${q} AND similarity(c."email", ${q}) >= ${NEAR}))`;
}

const CursorShape = z.object({ m: z.enum(["e", "f"]), n: z.string().max(500), i: CursorId });
type Mode = "e" | "f";

/**
 * Contacts alphabetically, matched by any part of their name, email or
 * company; when that finds nothing, by a near spelling of their name or email.
 */
export async function searchContactIds(
  ctx: ActorContext,
  filters: SearchContactsFilters,
): Promise<Page<{ id: string }>> {
  const cursor = decodeCursor(filters.cursor, CursorShape);
  let mode: Mode = cursor?.m ?? "e";
  let rows = await contactRows(ctx, filters, mode, cursor);
  const q = filters.q?.toLowerCase() ?? "";
  if (!cursor && rows.length === 0 && q.length >= 3) {
    mode = "f";
    rows = await contactRows(ctx, filters, mode, null);
  }
  const hasMore = rows.length > filters.limit;
  const items = rows.slice(0, filters.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({ id: r.id })),
    next_cursor: hasMore && last ? encodeCursor({ m: mode, n: last.name, i: last.id }) : null,
    has_more: hasMore,
  };
}

async function contactRows(
  ctx: ActorContext,
  filters: SearchContactsFilters,
  mode: Mode,
  cursor: z.infer<typeof CursorShape> | null,
) {
  const and = [sql`c."workspaceId" = ${ctx.workspaceId}`];
  if (filters.q) {
    const q = filters.q.toLowerCase();
    if (mode === "f") {
      and.push(nearSpelling(q));
    } else {
      const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      // A merged contact's further addresses find it too.
      and.push(sql`(c."name" ILIKE ${like} OR c."email" LIKE ${like} OR c."company" ILIKE ${like}
        OR c."id" IN (SELECT e."contactId" FROM "public"."ContactEmail" e
                       WHERE e."workspaceId" = ${ctx.workspaceId} AND e."email" LIKE ${like}))`);
    }
  }
  if (cursor) and.push(sql`(c."name", c."id") > (${cursor.n}, ${cursor.i})`);
  return prisma.$queryRaw<{ id: string; name: string }[]>`
    SELECT c."id", c."name" FROM "public"."Contact" c WHERE ${join(and, " AND ")}
     ORDER BY c."name", c."id" LIMIT ${filters.limit + 1}`;
}
