import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { CursorId, decodeCursor, encodeCursor, type Page } from "@/lib/validations/common";
import type { SearchContactsFilters } from "@/lib/validations/contacts";

const { sql, join } = Prisma;

const CursorShape = z.object({ n: z.string().max(500), i: CursorId });

/**
 * Contacts alphabetically, matched by a prefix of any word of their name,
 * email or company, or a near spelling of their name or email (trigram).
 */
export async function searchContactIds(ctx: ActorContext, filters: SearchContactsFilters): Promise<Page<{ id: string }>> {
  const and = [sql`c."workspaceId" = ${ctx.workspaceId}`];
  if (filters.q) {
    const q = filters.q.toLowerCase();
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const or = [
      sql`c."name" ILIKE ${like}`,
      sql`c."email" LIKE ${like}`,
      sql`c."company" ILIKE ${like}`,
    ];
    if (q.length >= 3) or.push(sql`c."name" % ${q}`, sql`c."email" % ${q}`);
    and.push(sql`(${join(or, " OR ")})`);
  }
  const cursor = decodeCursor(filters.cursor, CursorShape);
  if (cursor) and.push(sql`(c."name", c."id") > (${cursor.n}, ${cursor.i})`);
  const rows = await prisma.$queryRaw<{ id: string; name: string }[]>`
    SELECT c."id", c."name" FROM "public"."Contact" c WHERE ${join(and, " AND ")}
     ORDER BY c."name", c."id" LIMIT ${filters.limit + 1}`;
  const hasMore = rows.length > filters.limit;
  const items = rows.slice(0, filters.limit);
  const last = items.at(-1);
  return {
    items: items.map((r) => ({ id: r.id })),
    next_cursor: hasMore && last ? encodeCursor({ n: last.name, i: last.id }) : null,
    has_more: hasMore,
  };
}
