import "server-only";
import { prisma } from "@/lib/db";
import { roleAtLeast } from "@/lib/auth/roles";
import type { ActorContext } from "@/lib/context";
import { announceAccessChange } from "@/lib/credentials/auth-cache";
import { AppError, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { McpSafetySettingsSchema, type McpSafetySettingsInput } from "@/lib/validations/mcp-safety";

/**
 * Turns the workspace's MCP drafts and lockdown switches on or off (owners; audited when they
 * change). Credentials carry the lockdown switch from their verification, so a change is announced
 * like any access change and applies to the very next call.
 */
export async function updateMcpSafety(ctx: ActorContext, input: McpSafetySettingsInput) {
  const data = parseInput(McpSafetySettingsSchema, input);
  if (!roleAtLeast(ctx.role, "owner"))
    throw new AppError("owner_required", "Only owners change how MCP clients may act on tickets.");
  const result = await prisma.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { mcpRepliesAsDrafts: true, mcpLockdown: true },
    });
    const after = {
      mcpRepliesAsDrafts: data.replies_as_drafts ?? before.mcpRepliesAsDrafts,
      mcpLockdown: data.lockdown ?? before.mcpLockdown,
    };
    const changed = after.mcpRepliesAsDrafts !== before.mcpRepliesAsDrafts || after.mcpLockdown !== before.mcpLockdown;
    if (changed) {
      await tx.workspace.update({ where: { id: ctx.workspaceId }, data: after });
      await tx.auditEvent.create({
        data: auditRow(ctx, {
          action: "workspace.mcp_safety",
          details: {
            replies_as_drafts: { from: before.mcpRepliesAsDrafts, to: after.mcpRepliesAsDrafts },
            lockdown: { from: before.mcpLockdown, to: after.mcpLockdown },
          },
        }),
      });
    }
    return { replies_as_drafts: after.mcpRepliesAsDrafts, lockdown: after.mcpLockdown, changed };
  });
  if (result.changed) await announceAccessChange([ctx.workspaceId]);
  return result;
}
