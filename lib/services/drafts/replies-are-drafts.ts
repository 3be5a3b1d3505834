import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";

/**
 * Whether a reply by this actor becomes a draft an agent sends: replies through MCP are drafts when
 * the workspace says so or the credential (a key or an OAuth grant) is drafts-only. A credential can
 * only be stricter than the workspace, never looser.
 */
export async function repliesAreDrafts(ctx: ActorContext): Promise<boolean> {
  if (ctx.via !== "mcp") return false;
  if (ctx.credential?.draftsOnly) return true;
  const workspace = await prisma.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { mcpRepliesAsDrafts: true },
  });
  return workspace.mcpRepliesAsDrafts;
}
