import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { requireMayActOn } from "@/lib/auth/rank";
import { roleAtLeast } from "@/lib/auth/roles";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { RenameCredentialSchema, type RenameCredentialInput } from "@/lib/validations/credentials";

/**
 * Renames an API key or personal token; its secret, scopes and expiry stay. Who may rename is who
 * may revoke: anyone their own, an org-level key an admin, someone else's by the rank rule.
 */
export async function renameCredential(ctx: ActorContext, input: RenameCredentialInput) {
  const { id, name } = parseInput(RenameCredentialSchema, input);
  const credential = await prisma.credential.findFirst({
    where: { ...inWorkspace(ctx), id },
    select: {
      id: true,
      name: true,
      kind: true,
      userId: true,
      revokedAt: true,
      user: { select: { memberships: { where: inWorkspace(ctx), select: { role: true } } } },
    },
  });
  if (!credential) throw notFound("Credential");
  if (credential.userId === null) {
    if (!roleAtLeast(ctx.role, "admin"))
      throw new AppError("admin_required", "Only admins and owners can rename workspace API keys.");
  } else {
    requireMayActOn(
      ctx,
      { userId: credential.userId, role: credential.user?.memberships[0]?.role ?? null },
      `rename an owner's ${credential.kind === "personal_token" ? "personal token" : "user-level key"}`,
    );
  }
  if (credential.revokedAt)
    throw new AppError("conflict", "A revoked key keeps the name it had when it was revoked.", {
      fields: { name: ["a revoked key cannot be renamed"] },
    });
  if (name === credential.name) return { id: credential.id, name, renamed: false };
  await prisma.credential.update({ where: { id: credential.id }, data: { name } });
  await recordAudit(ctx, {
    action: `${credential.kind}.rename`,
    details: { credential_id: credential.id, from: credential.name, to: name },
  });
  return { id: credential.id, name, renamed: true };
}
