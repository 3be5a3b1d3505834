import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { generatePassword } from "@/lib/services/users/generate-password";
import { InviteUserSchema, type InviteUserInput } from "@/lib/validations/users";

/**
 * Adds a person to the workspace as admin or agent. A new account gets a
 * temporary password, returned once; an existing member is refused.
 */
export async function inviteUser(ctx: ActorContext, input: InviteUserInput) {
  const data = parseInput(InviteUserSchema, input);
  const existing = await prisma.user.findUnique({
    where: { email: data.email },
    select: { id: true, name: true, memberships: { where: inWorkspace(ctx), select: { deactivatedAt: true } } },
  });
  const membership = existing?.memberships[0];
  if (membership && !membership.deactivatedAt) {
    throw new AppError("conflict", `${data.email} is already a member of this workspace.`, {
      fields: { email: ["is already a member"] },
    });
  }
  const temporaryPassword = existing ? null : generatePassword();
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
  const user = await prisma.$transaction(async (tx) => {
    const user =
      existing ??
      (await tx.user.create({
        data: { email: data.email, name: data.name ?? data.email.split("@")[0]!, passwordHash: passwordHash! },
        select: { id: true, name: true },
      }));
    await tx.membership.upsert({
      where: { workspaceId_userId: { ...inWorkspace(ctx), userId: user.id } },
      create: { ...inWorkspace(ctx), userId: user.id, role: data.role },
      update: { role: data.role, deactivatedAt: null },
    });
    return user;
  });
  await recordAudit(ctx, { action: "user.invite", details: { user_id: user.id, role: data.role } });
  return {
    user_id: user.id,
    email: data.email,
    name: user.name,
    role: data.role,
    new_account: !existing,
    temporary_password: temporaryPassword,
  };
}
