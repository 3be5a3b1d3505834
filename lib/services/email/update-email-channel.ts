import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import type { ActorContext } from "@/lib/context";
import { prisma } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { readEmailChannel } from "@/lib/services/email/email-channel";
import { UpdateEmailChannelSchema, type UpdateEmailChannelInput } from "@/lib/validations/email";

/** Turns the workspace's email channel on or off and sets who replies come from (admins). */
export async function updateEmailChannel(ctx: ActorContext, input: UpdateEmailChannelInput) {
  const data = parseInput(UpdateEmailChannelSchema, input);
  if (!roleAtLeast(ctx.role, "admin"))
    throw new AppError("admin_required", "Only admins and owners change the email channel.");
  const before = await readEmailChannel(prisma, ctx.workspaceId);
  const changes = {
    ...(data.enabled !== undefined ? { enabled: data.enabled } : {}),
    ...(data.sender_name !== undefined ? { senderName: data.sender_name } : {}),
    ...(data.sender_address !== undefined ? { senderAddress: data.sender_address } : {}),
  };
  await prisma.emailChannel.upsert({
    where: { workspaceId: ctx.workspaceId },
    create: { workspaceId: ctx.workspaceId, ...changes },
    update: changes,
  });
  const after = await readEmailChannel(prisma, ctx.workspaceId);
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of ["enabled", "sender_name", "sender_address"] as const)
    if (before[key] !== after[key]) diff[key] = { from: before[key], to: after[key] };
  await recordAudit(ctx, { action: "email_channel.update", details: diff as never });
  return { ...after, changed: Object.keys(diff).length > 0 };
}
