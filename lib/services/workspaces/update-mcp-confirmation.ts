import "server-only";
import { prisma } from "@/lib/db";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { McpConfirmationSchema, type McpConfirmationInput } from "@/lib/validations/settings";

/**
 * Whether destructive MCP actions (deletes, bulk changes over bulk_over tickets) ask for confirmation
 * in the workspace. Owners only. Credentials carry the setting from their verification, so the change
 * is announced like any access change and applies to the very next call.
 */
export async function updateMcpConfirmation(ctx: ActorContext, input: McpConfirmationInput) {
  const data = parseInput(McpConfirmationSchema, input);
  if (ctx.role !== "owner")
    throw new AppError("owner_required", "Only owners decide whether MCP actions ask for confirmation.");
  const confirmDestructive = data.confirm_destructive === "on";
  const before = await prisma.workspace.findUniqueOrThrow({
    where: { id: ctx.workspaceId },
    select: { mcpConfirmDestructive: true, mcpConfirmBulkOver: true },
  });
  if (before.mcpConfirmDestructive === confirmDestructive && before.mcpConfirmBulkOver === data.bulk_over)
    return { changed: false, confirm_destructive: confirmDestructive, bulk_over: data.bulk_over };
  await prisma.workspace.update({
    where: { id: ctx.workspaceId },
    data: { mcpConfirmDestructive: confirmDestructive, mcpConfirmBulkOver: data.bulk_over },
  });
  await announceAccessChange([ctx.workspaceId]);
  await recordAudit(ctx, {
    action: "settings.mcp_confirmation",
    details: { confirm_destructive: confirmDestructive, bulk_over: data.bulk_over },
  });
  return { changed: true, confirm_destructive: confirmDestructive, bulk_over: data.bulk_over };
}
