import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;
export type TagRow = { id: string; name: string };

/**
 * The workspace's tags of these names, created when new. Most names exist already: one read, whose
 * plan Prisma caches. Only missing names are inserted (skipping any another change created meanwhile,
 * which a second read then finds).
 */
export async function ensureTags(tx: Tx, ctx: ActorContext, names: readonly string[]): Promise<TagRow[]> {
  const where = { ...inWorkspace(ctx), name: { in: [...names] } };
  const found = await tx.tag.findMany({ where, select: { id: true, name: true } });
  if (found.length === names.length) return found;
  const have = new Set(found.map((tag) => tag.name));
  const missing = names.filter((name) => !have.has(name));
  const created = await tx.tag.createManyAndReturn({
    data: missing.map((name) => ({ ...inWorkspace(ctx), name })),
    skipDuplicates: true,
    select: { id: true, name: true },
  });
  if (created.length === missing.length) return [...found, ...created];
  return tx.tag.findMany({ where, select: { id: true, name: true } });
}

/**
 * Links tags to a ticket, skipping links it has; returns the ids of the tags this call linked. One
 * statement: Prisma compiles a fresh plan for every multi-row insert, this one needs none.
 */
export async function attachTags(
  tx: Tx,
  ctx: ActorContext,
  ticketId: string,
  tagIds: readonly string[],
): Promise<Set<string>> {
  if (tagIds.length === 0) return new Set();
  // Schema-qualified like Prisma's own statements, so a session's search_path cannot redirect it.
  const rows = await tx.$queryRaw<{ tagId: string }[]>`
    INSERT INTO "public"."TicketTag" ("workspaceId", "ticketId", "tagId")
    SELECT ${ctx.workspaceId}, ${ticketId}, unnest(${[...tagIds]}::text[])
    ON CONFLICT DO NOTHING
    RETURNING "tagId"`;
  return new Set(rows.map((row) => row.tagId));
}

/** The names of a ticket's tags, sorted. */
export async function tagNamesOf(tx: Tx, ticketId: string): Promise<string[]> {
  const links = await tx.ticketTag.findMany({ where: { ticketId }, select: { tag: { select: { name: true } } } });
  return links.map((link) => link.tag.name).sort();
}
