import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";

type Row = { id: string; name: string; color: string; ticket_count: number };

/** The workspace's tags by name, each with its ticket count (from the TagCount rows, never a scan of links). */
export async function listTags(ctx: ActorContext) {
  // Table names are schema-qualified like Prisma's own queries, so a session's search_path cannot redirect them.
  return prisma.$queryRaw<Row[]>`
    SELECT g."id", g."name", g."color", coalesce(c."n", 0)::int AS "ticket_count"
      FROM "public"."Tag" g
      LEFT JOIN (SELECT "tagId", sum("n") AS "n" FROM "public"."TagCount"
                  WHERE "workspaceId" = ${ctx.workspaceId} GROUP BY "tagId") c ON c."tagId" = g."id"
     WHERE g."workspaceId" = ${ctx.workspaceId}
     ORDER BY g."name" ASC`;
}
