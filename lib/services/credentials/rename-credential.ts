import "server-only";
import { prisma } from "@/lib/db";
import { inWorkspace, type ActorContext } from "@/lib/context";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { recordAudit } from "@/lib/services/audit/record-audit";
import { credentialHolder, requireMayManageCredential } from "@/lib/services/credentials/may-manage-credential";
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
      user: credentialHolder(ctx),
    },
  });
  if (!credential) throw notFound("Credential");
  requireMayManageCredential(ctx, credential, "rename");
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
