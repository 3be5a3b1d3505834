import "server-only";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";

// A cheap "has anything changed?" for pages that keep themselves current: every instance reads the
// same database, so a poll answered by any of them sees a change made through any other (the web
// app, an MCP client, inbound mail, a job). Pages compare versions for equality only.

const versionOf = (...parts: (Date | string | null | undefined)[]) =>
  parts.map((p) => (p instanceof Date ? p.getTime().toString(36) : (p ?? "-"))).join(".");

/**
 * A ticket's version: its last update, newest history row and newest message, in one statement
 * on the (workspaceId, number) key and the (ticketId, createdAt) indexes. Null when the workspace
 * has no such ticket.
 */
export async function ticketVersion(ctx: ActorContext, number: number): Promise<string | null> {
  const { workspaceId } = inWorkspace(ctx);
  const rows = await prisma.$queryRaw<{ updated: Date; activity: string | null; message: string | null }[]>`
    SELECT t."updatedAt" AS updated,
      (SELECT a."id" FROM "TicketActivity" a WHERE a."ticketId" = t."id"
        ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 1) AS activity,
      (SELECT m."id" FROM "Message" m WHERE m."ticketId" = t."id"
        ORDER BY m."createdAt" DESC, m."id" DESC LIMIT 1) AS message
    FROM "Ticket" t
    WHERE t."workspaceId" = ${workspaceId} AND t."number" = ${number}`;
  const row = rows[0];
  return row ? versionOf(row.updated, row.activity, row.message) : null;
}

/**
 * The version of the workspace's ticket list: the last ticket update and the newest history row
 * (tags and other changes that leave the ticket row alone), each one probe of a workspace index.
 */
export async function ticketListVersion(ctx: ActorContext): Promise<string> {
  const { workspaceId } = inWorkspace(ctx);
  const rows = await prisma.$queryRaw<{ updated: Date | null; activity: string | null }[]>`
    SELECT
      (SELECT max(t."updatedAt") FROM "Ticket" t WHERE t."workspaceId" = ${workspaceId}) AS updated,
      (SELECT a."id" FROM "TicketActivity" a WHERE a."workspaceId" = ${workspaceId}
        ORDER BY a."createdAt" DESC LIMIT 1) AS activity`;
  return versionOf(rows[0]?.updated, rows[0]?.activity);
}
