import "server-only";
import { prisma } from "@/lib/db";
import { roleAtLeast } from "@/lib/auth/roles";
import type { ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { auditRow } from "@/lib/services/audit/record-audit";
import { RequireTwoFactorSchema, type RequireTwoFactorInput } from "@/lib/validations/account";

/**
 * Requires (or stops requiring) two-factor sign-in of the workspace's owners
 * and admins; those without it are asked to enrol at their next web sign-in.
 * Their API keys, tokens and app connections keep working.
 */
export async function setRequireTwoFactor(ctx: ActorContext, input: RequireTwoFactorInput) {
  const { require_two_factor } = parseInput(RequireTwoFactorSchema, input);
  if (!roleAtLeast(ctx.role, "owner"))
    throw new AppError("owner_required", "Only owners change who needs two-factor sign-in.");
  return prisma.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: ctx.workspaceId },
      select: { requireTwoFactor: true },
    });
    if (before.requireTwoFactor === require_two_factor) return { require_two_factor, changed: false };
    await tx.workspace.update({ where: { id: ctx.workspaceId }, data: { requireTwoFactor: require_two_factor } });
    await tx.auditEvent.create({
      data: auditRow(ctx, {
        action: "workspace.require_two_factor",
        details: { from: before.requireTwoFactor, to: require_two_factor },
      }),
    });
    return { require_two_factor, changed: true };
  });
}
