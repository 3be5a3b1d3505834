import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether a reply by this actor becomes a draft an agent sends: replies through MCP are drafts when
 * the workspace says so or the credential (a key or an OAuth grant) is drafts-only. A credential can
 * only be stricter than the workspace, never looser. Inside a transaction, pass it: the embedded
 * database has one connection, which the transaction holds.
 */
export async function repliesAreDrafts(ctx: ActorContext, db: Prisma.TransactionClient = prisma): Promise<boolean> {
  if (ctx.via !== "mcp") return false;
  if (ctx.credential?.draftsOnly) return true;
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { mcpRepliesAsDrafts: true },
  });
  return workspace.mcpRepliesAsDrafts;
}
